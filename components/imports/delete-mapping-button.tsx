"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function DeleteMappingButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  async function remove() {
    const res = await fetch(`/api/v1/import-mappings/${id}`, { method: "DELETE" });
    const body = res.ok ? {} : await res.json().catch(() => ({}));
    setMessage(res.ok ? t("mappingDeleted") : (body.error?.message ?? t("failed")));
    router.refresh();
  }
  return (
    <>
      <button type="button" className="button-danger" onClick={remove}>
        {t("deleteMapping", { name })}
      </button>
      <span role="status">{message}</span>
    </>
  );
}
