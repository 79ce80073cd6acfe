"use client";

// The batch review of an import: "Approve import" and "Return import" (with
// its required comment), each a Server Action that checks the reviewer and
// the import itself; the answer is said in the status line.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/auth/form-state";

interface Props {
  id: number;
  /** The reviewer may review it now (else only the last answer shows). */
  open: boolean;
  approve: (state: FormState, data: FormData) => Promise<FormState>;
  sendBack: (state: FormState, data: FormData) => Promise<FormState>;
}

function Status({ state }: { state: FormState }) {
  // Keys chosen at run time (the refusal's), with the region or dataset it names.
  const t = useTranslations("imports.review") as unknown as (key: string, values?: Record<string, string>) => string;
  const tRoot = useTranslations();
  const form = state.status === "error" ? state.errors.form : undefined;
  return (
    <div role="status" aria-live="polite" className="form-status">
      {state.status === "ok" && <p className="form-ok">{t(`done.${state.message}`)}</p>}
      {form && <p className="form-error">{form.startsWith("database.") ? tRoot(form as never) : t(`errors.${form}`, { code: state.status === "error" ? (state.values?.code ?? "") : "" })}</p>}
    </div>
  );
}

export function ImportReviewForm({ id, open, approve, sendBack }: Props) {
  const t = useTranslations("imports.review");
  const commentId = useId();
  const [approved, approveAction, approving] = useActionState(approve, IDLE);
  const [returned, returnAction, returning] = useActionState(sendBack, IDLE);
  const commentError = returned.status === "error" ? returned.errors.comment : undefined;
  if (!open) {
    return (
      <div className="import-review-actions">
        <Status state={approved} />
        <Status state={returned} />
      </div>
    );
  }
  return (
    <div className="import-review-actions">
      <form action={approveAction}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={approving || returning}>
          {t("approve")}
        </button>
        <Status state={approved} />
      </form>
      <form action={returnAction} className="admin-form">
        <input type="hidden" name="id" value={id} />
        <div className="field">
          <label htmlFor={commentId}>{t("comment")}</label>
          <textarea id={commentId} name="comment" required rows={3} maxLength={2000} aria-invalid={commentError ? true : undefined} aria-describedby={commentError ? `${commentId}-error` : undefined} />
          {commentError && (
            <p className="field-error" id={`${commentId}-error`}>
              {t(`errors.${commentError}` as never)}
            </p>
          )}
        </div>
        <button type="submit" className="button-danger" disabled={approving || returning}>
          {t("return")}
        </button>
        <Status state={returned} />
      </form>
    </div>
  );
}
