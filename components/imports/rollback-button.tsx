"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useApiErrorText } from "@/components/layout/use-api-error-text";

/**
 * Stays mounted after the rollback (`committed` turns false on refresh), so
 * its "Rolled back." status outlives the refresh that hides the button.
 */
export function RollbackButton({ id, committed }: { id: number; committed: boolean }) {
  const t = useTranslations("imports");
  const apiErrorText = useApiErrorText();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function rollback() {
    const res = await fetch(`/api/v1/imports/${id}/rollback`, { method: "POST" });
    const body = await res.json().catch(() => ({}));
    setMessage(res.ok ? t("rollbackDone") : apiErrorText(body.error, t("failed")));
    setAsking(false);
    router.refresh();
  }
  return (
    <div>
      {!committed ? null : asking ? (
        <div className="notice" role="alertdialog" aria-labelledby={`rb-${id}`}>
          <p id={`rb-${id}`}>{t("rollbackConfirm")}</p>
          <button type="button" className="button-danger" onClick={rollback}>
            {t("rollback")}
          </button>
        </div>
      ) : (
        <button type="button" className="button-danger" onClick={() => setAsking(true)}>
          {t("rollback")}
        </button>
      )}
      <p role="status">{message}</p>
    </div>
  );
}
