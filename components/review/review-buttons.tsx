"use client";

// Submit, approve and return, on the figure page and in each row of the
// review queue. Returning asks for the comment the author will read.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { approveFigures, returnFigures, submitForReview, type ReviewActionResult } from "@/app/review/actions";
import { REVIEW_COMMENT_MAX } from "@/lib/validation/review";

/** What a review action's answer says to the reviewer, or null when all went through. */
export function useReviewResultText(): (result: ReviewActionResult | null) => string | null {
  const t = useTranslations("review");
  const tDb = useTranslations("database");
  return (result) => {
    if (!result) return null;
    switch (result.status) {
      case "done":
        return result.refused.length ? result.refused.map((r) => t("refusedItem", { id: r.id, reason: t(`refusal.${r.reason}`) })).join(" ") : null;
      case "invalid":
        return t(result.error);
      case "read_only":
        return tDb("readOnly");
      case "unavailable":
        return tDb("unavailable");
      case "forbidden":
      case "not_found":
      case "not_draft":
      case "outside_scope":
        return t(`refusal.${result.status}`);
      default:
        return t("failed");
    }
  };
}

export function SubmitFigure({ id }: { id: number }) {
  const t = useTranslations("review");
  const router = useRouter();
  const text = useReviewResultText();
  const [result, setResult] = useState<ReviewActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const message = text(result);
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const answer = await submitForReview(id).catch((): ReviewActionResult => ({ status: "failed" }));
            setResult(answer);
            router.refresh();
          })
        }
      >
        {t("submit")}
      </button>
      {message && <p className="form-error" role="status">{message}</p>}
    </>
  );
}

/** Approve, or return with a comment, the figures `ids` (one on the figure page and in a row; the selection in bulk). */
export function ReviewDecision({ ids, bulk = false, onDone }: { ids: number[]; bulk?: boolean; onDone?: () => void }) {
  const t = useTranslations("review");
  const router = useRouter();
  const text = useReviewResultText();
  const commentId = useId();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [result, setResult] = useState<ReviewActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (act: () => Promise<ReviewActionResult>) =>
    startTransition(async () => {
      const answer = await act().catch((): ReviewActionResult => ({ status: "failed" }));
      setResult(answer);
      if (answer.status === "done") {
        setReturning(false);
        setComment("");
        onDone?.();
      }
      router.refresh();
    });
  const message = text(result);
  const invalid = result?.status === "invalid";
  return (
    <div className="review-decision">
      <button type="button" className="primary" disabled={pending || !ids.length} onClick={() => run(() => approveFigures(ids))}>
        {bulk ? t("approveSelected") : t("approve")}
      </button>{" "}
      {!returning ? (
        <button type="button" className="button-secondary" disabled={pending || !ids.length} onClick={() => setReturning(true)}>
          {bulk ? t("returnSelected") : t("return")}
        </button>
      ) : (
        <div className="field">
          <label htmlFor={commentId}>{t("comment")}</label>
          <textarea
            id={commentId}
            rows={2}
            maxLength={REVIEW_COMMENT_MAX}
            value={comment}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${commentId}-error` : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="form-actions">
            <button type="button" className="button-secondary" disabled={pending} onClick={() => run(() => returnFigures(ids, comment))}>
              {t("sendBack")}
            </button>{" "}
            <button type="button" className="button-secondary" onClick={() => setReturning(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p id={invalid ? `${commentId}-error` : undefined} className="form-error" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
