"use client";

// Delete (after a confirmation) and restore, on the figure's page.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { bringBackFigure, removeFigure, type SaveResult } from "@/app/figures/actions";

export function DeleteFigure({ id, version }: { id: number; version: number }) {
  const t = useTranslations("figureForm");
  const tDb = useTranslations("database");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<SaveResult["status"] | null>(null);
  const [pending, startTransition] = useTransition();
  if (!asking) {
    return (
      <button type="button" className="button-danger" onClick={() => setAsking(true)}>
        {t("delete")}
      </button>
    );
  }
  return (
    <div className="notice" role="alertdialog" aria-labelledby="delete-question">
      <p id="delete-question">{t("deleteConfirm")}</p>
      <button
        type="button"
        className="button-danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await removeFigure(id, version);
            if (result.status !== "saved") setFailed(result.status);
            router.refresh();
          })
        }
      >
        {t("confirmDelete")}
      </button>{" "}
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
        {t("cancel")}
      </button>
      {failed && <p className="form-error" role="status">{failed === "conflict" ? t("deleteConflict") : failed === "derived" ? t("derivedRefused") : failed === "read_only" ? tDb("readOnly") : failed === "unavailable" ? tDb("unavailable") : t("failed")}</p>}
    </div>
  );
}

export function RestoreFigure({ id }: { id: number }) {
  const t = useTranslations("figureForm");
  const tDb = useTranslations("database");
  const router = useRouter();
  const [failed, setFailed] = useState<SaveResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await bringBackFigure(id);
            if (result.status === "saved") router.refresh();
            else setFailed(result);
          })
        }
      >
        {t("restore")}
      </button>
      {failed && <p className="form-error" role="status">{failed.status === "duplicate" ? t("duplicate") : failed.status === "derived" ? t("derivedRefused") : failed.status === "read_only" ? tDb("readOnly") : failed.status === "unavailable" ? tDb("unavailable") : failed.status === "outside_scope" ? t("outsideScope", { kind: failed.outside.kind, code: failed.outside.code }) : t("failed")}</p>}
    </>
  );
}
