"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { isViewPage, VIEW_NAME_MAX } from "@/lib/domain/view-pages";
import { saveView, type SaveViewState } from "@/app/views/actions";

/** "Save view": names the page as it is now (path and filters) and saves it, shared with everyone or not. */
export function SaveView() {
  const t = useTranslations("share");
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState("");
  const [state, action, pending] = useActionState<SaveViewState, FormData>(saveView, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const pathname = usePathname();
  const nameError = state.status === "invalid" ? (state.fields.name ?? null) : null;
  const otherError = state.status === "invalid" ? (Object.entries(state.fields).find(([field]) => field !== "name")?.[1] ?? null) : state.status === "failed" || state.status === "forbidden" ? "saveFailed" : null;

  useEffect(() => {
    if (state.status === "saved") form.current?.reset();
  }, [state]);

  function toggle() {
    setPath(window.location.pathname + window.location.search);
    setOpen((o) => !o);
  }

  if (!isViewPage(pathname)) return null;
  return (
    <span className="save-view">
      <button type="button" className="button-link" aria-expanded={open} aria-controls={`${id}-panel`} onClick={toggle}>
        {t("saveView")}
      </button>
      <span aria-live="polite" className="share-status">
        {state.status === "saved" ? t("viewSaved") : ""}
      </span>
      <form ref={form} id={`${id}-panel`} action={action} className="share-panel" hidden={!open} aria-label={t("saveViewTitle")}>
        <input type="hidden" name="path" value={path} />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("viewName")}</label>
          <input id={`${id}-name`} name="name" required maxLength={VIEW_NAME_MAX} aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `${id}-name-error` : undefined} />
          {nameError && (
            <p className="field-error" id={`${id}-name-error`}>
              {t(nameError as "nameRequired")}
            </p>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="shared" /> {t("shareWithEveryone")}
        </label>
        {otherError && <p className="form-error">{t(otherError as "saveFailed")}</p>}
        <p className="form-actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            {t("cancel")}
          </button>
        </p>
      </form>
    </span>
  );
}
