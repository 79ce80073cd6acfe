"use client";

// One indicator's preferred datasets, most preferred first; admins move a
// dataset a place up or down (a Server Action that reads the order as it is
// now, so two admins never undo each other's unseen move).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moveDatasetAction } from "@/app/admin/datasets/actions";
import { IDLE } from "@/lib/auth/form-state";

interface Props {
  indicator: string;
  indicatorName: string;
  datasets: { code: string; name: string }[];
  canEdit: boolean;
}

export function PreferenceList({ indicator, indicatorName, datasets, canEdit }: Props) {
  const t = useTranslations("datasetsPage");
  const ta = useTranslations("admin");
  const tRoot = useTranslations();
  const [state, formAction, pending] = useActionState(moveDatasetAction, IDLE);
  const headingId = `pref-${indicator}`;
  const error = state.status === "error" ? state.errors.form : undefined;
  return (
    <div className="preference-list" data-indicator={indicator}>
      <h3 id={headingId}>{indicatorName}</h3>
      <ol aria-labelledby={headingId}>
        {datasets.map((d, i) => (
          <li key={d.code} data-dataset={d.code}>
            <span>{`${d.name} (${d.code})`}</span>
            {canEdit && (
              <form action={formAction} className="inline-form">
                <input type="hidden" name="indicator" value={indicator} />
                <input type="hidden" name="dataset" value={d.code} />
                <button type="submit" name="direction" value="up" className="button-secondary" disabled={pending || i === 0} aria-label={t("moveUp", { dataset: d.name, indicator: indicatorName })}>
                  ↑
                </button>{" "}
                <button
                  type="submit"
                  name="direction"
                  value="down"
                  className="button-secondary"
                  disabled={pending || i === datasets.length - 1}
                  aria-label={t("moveDown", { dataset: d.name, indicator: indicatorName })}
                >
                  ↓
                </button>
              </form>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <div role="status" aria-live="polite" className="form-status">
          {state.status === "ok" && <p className="form-ok">{t("orderSaved", { indicator: indicatorName })}</p>}
          {error && <p className="form-error">{error.startsWith("database.") ? tRoot(error as never) : ta(`errors.${error}` as never)}</p>}
        </div>
      )}
    </div>
  );
}
