"use client";

// One form for every admin and account action: labelled fields, the Server
// Action's field errors beside them (aria-describedby), a live status line,
// and a secret (a new API token) shown once with a copy button. What the
// action sends back in `values` is put back (a comma list for a checkbox
// group, "on" for a ticked box), so an error loses nothing typed or ticked.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/auth/form-state";

export interface FieldSpec {
  name: string;
  label: string;
  /** checkboxes: a group (a fieldset named by `label`) sending one `name` per ticked option; checkbox: one box sending "on". */
  type?: "text" | "email" | "password" | "number" | "url" | "date" | "select" | "checkboxes" | "checkbox";
  /** Text fields are required unless this says otherwise (numbers never are). */
  optional?: boolean;
  /** `code`, when given, is shown after the label (a P-code, a dataset code). */
  options?: { value: string; label: string; code?: string }[];
  /** For checkboxes, a comma list of the ticked values; for a checkbox, "on". */
  defaultValue?: string;
  autoComplete?: string;
  hint?: string;
  min?: number;
  max?: number;
}

interface Props {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  submitLabel: string;
  fields?: FieldSpec[];
  hidden?: Record<string, string>;
  danger?: boolean;
  /** Shown with the browser's confirm() before a destructive action. */
  confirm?: string;
  className?: string;
}

export function ActionForm({ action, submitLabel, fields = [], hidden = {}, danger, confirm, className }: Props) {
  const t = useTranslations("admin");
  const id = useId();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.errors : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const tRoot = useTranslations();
  // `database.*`: the database refused the write (lib/auth/action-failure.ts).
  // An error for a name no field shows (a hidden id) is said in the status line, never dropped.
  const orphans = Object.keys(errors).filter((name) => name !== "form" && !fields.some((f) => f.name === name));
  const errorText = (key: string) => (key === "rejected" ? (values.reason ?? t("errors.failed")) : key.startsWith("database.") ? tRoot(key as never) : t(`errors.${key}` as never));

  return (
    <form
      action={formAction}
      className={className ?? "admin-form"}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const fieldId = `${id}-${f.name}`;
        const describedBy = [errors[f.name] ? `${fieldId}-error` : "", f.hint ? `${fieldId}-hint` : ""].filter(Boolean).join(" ") || undefined;
        const common = { id: fieldId, name: f.name, "aria-invalid": errors[f.name] ? true : undefined, "aria-describedby": describedBy, defaultValue: values[f.name] ?? f.defaultValue };
        const hint = f.hint && (
          <small className="hint" id={`${fieldId}-hint`}>
            {f.hint}
          </small>
        );
        const error = errors[f.name] && (
          <p className="field-error" id={`${fieldId}-error`}>
            {errorText(errors[f.name]!)}
          </p>
        );
        const key = `${f.name}-${state.status}`;
        const given = values[f.name] ?? f.defaultValue ?? "";
        if (f.type === "checkboxes") {
          const ticked = new Set(given.split(",").filter(Boolean));
          return (
            <fieldset key={key} aria-describedby={describedBy}>
              <legend>{f.label}</legend>
              {f.options?.map((o) => (
                <label key={o.value} className="checkbox">
                  <input type="checkbox" name={f.name} value={o.value} defaultChecked={ticked.has(o.value)} /> {o.label}
                  {o.code && (
                    <>
                      {" "}
                      <code>{o.code}</code>
                    </>
                  )}
                </label>
              ))}
              {hint}
              {error}
            </fieldset>
          );
        }
        if (f.type === "checkbox") {
          return (
            <div className="field" key={key}>
              <label className="checkbox">
                <input type="checkbox" id={fieldId} name={f.name} defaultChecked={given === "on"} aria-describedby={describedBy} /> {f.label}
              </label>
              {hint}
              {error}
            </div>
          );
        }
        return (
          <div className="field" key={key}>
            <label htmlFor={fieldId}>{f.label}</label>
            {f.type === "select" ? (
              <select {...common}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type={f.type ?? "text"} autoComplete={f.autoComplete} min={f.min} max={f.max} required={(f.type !== "number" && !f.optional) || undefined} />
            )}
            {hint}
            {error}
          </div>
        );
      })}
      <button type="submit" className={danger ? "button-danger" : undefined} disabled={pending}>
        {submitLabel}
      </button>
      <div role="status" aria-live="polite" className="form-status">
        {state.status === "ok" && <p className="form-ok">{t(`done.${state.message}` as never)}</p>}
        {errors.form && <p className="form-error">{errorText(errors.form)}</p>}
        {orphans.map((name) => (
          <p className="form-error" key={name}>
            {errorText(errors[name]!)}
          </p>
        ))}
        {state.status === "ok" && state.secret && (
          <p className="secret">
            <span>{t("secretOnce")}</span> <code data-testid="new-token">{state.secret}</code>{" "}
            <button type="button" onClick={() => void navigator.clipboard?.writeText(state.secret!)}>
              {t("copy")}
            </button>
          </p>
        )}
      </div>
    </form>
  );
}
