"use client";

// The user page's scope form: regions and datasets as checkboxes (none ticked:
// every one), and whether reading is limited too. The Server Action checks
// the codes again (lib/data/users.ts, checkedScope) and says what it refused.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/auth/form-state";

interface Props {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  userId: number;
  regions: { pcode: string; name: string }[];
  datasets: { code: string; name: string }[];
  scope: { regions: string[]; datasets: string[]; readScoped: boolean };
}

export function ScopeForm({ action, userId, regions, datasets, scope }: Props) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.errors : {};
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`scope-${name}-error`}>
        {t(`errors.${errors[name]}` as never)}
      </p>
    ) : null;
  return (
    <form action={formAction} className="admin-form scope-form">
      <input type="hidden" name="id" value={String(userId)} />
      <fieldset aria-describedby={errors.regions ? "scope-regions-error" : undefined}>
        <legend>{t("scopeRegions")}</legend>
        {regions.map((r) => (
          <label key={r.pcode} className="checkbox">
            <input type="checkbox" name="regions" value={r.pcode} defaultChecked={scope.regions.includes(r.pcode)} /> {r.name} <code>{r.pcode}</code>
          </label>
        ))}
        {error("regions")}
      </fieldset>
      <fieldset aria-describedby={errors.datasets ? "scope-datasets-error" : undefined}>
        <legend>{t("scopeDatasets")}</legend>
        {datasets.map((d) => (
          <label key={d.code} className="checkbox">
            <input type="checkbox" name="datasets" value={d.code} defaultChecked={scope.datasets.includes(d.code)} /> {d.name} <code>{d.code}</code>
          </label>
        ))}
        {error("datasets")}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="readScoped" defaultChecked={scope.readScoped} aria-describedby="scope-read-hint" /> {t("scopeReadScoped")}
      </label>
      <small className="hint" id="scope-read-hint">
        {t("scopeReadScopedHint")}
      </small>
      <button type="submit" disabled={pending}>
        {t("saveScope")}
      </button>
      <div role="status" aria-live="polite" className="form-status">
        {state.status === "ok" && <p className="form-ok">{t(`done.${state.message}` as never)}</p>}
        {errors.form && <p className="form-error">{t(`errors.${errors.form === "rejected" ? "failed" : errors.form}` as never)}</p>}
      </div>
    </form>
  );
}
