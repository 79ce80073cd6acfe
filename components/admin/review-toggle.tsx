"use client";

// The datasets page's per-dataset "Needs review" switch (admins): a toggle
// button (aria-pressed, filled when on) that saves at once; the action is audited.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/auth/form-state";

interface Props {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  dataset: { code: string; name: string };
  needsReview: boolean;
}

export function ReviewToggle({ action, dataset, needsReview }: Props) {
  const t = useTranslations("datasetsPage");
  const ta = useTranslations("admin");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="review-toggle">
      <input type="hidden" name="dataset" value={dataset.code} />
      <input type="hidden" name="needsReview" value={String(!needsReview)} />
      {/* The visible text is the start of the name (the dataset is said to screen readers only); pressed: it needs review. */}
      <button type="submit" className="button-secondary" aria-pressed={needsReview} disabled={pending}>
        {t("needsReview")}
        <span className="visually-hidden"> ({dataset.name})</span>
      </button>
      <span role="status" aria-live="polite">
        {state.status === "error" && <span className="form-error">{ta(`errors.${state.errors.form ?? "failed"}` as never)}</span>}
      </span>
    </form>
  );
}
