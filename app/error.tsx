"use client";

import { useTranslations } from "next-intl";

// Never shows the error itself: no stack traces, SQL or Prisma messages.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" className="primary" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
