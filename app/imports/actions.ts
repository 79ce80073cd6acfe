"use server";

// The import page's batch review (Approve import / Return import). Each is a
// public endpoint: it checks the caller's permission itself, then the one
// review rule on the import's every held row (lib/data/import-review.ts).
import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { reviewImport, type ImportReviewAction, type ImportReviewOutcome } from "@/lib/data/import-review";

/** Message keys (imports.review.errors.*), with the region or dataset named in `values.code`. */
function refusal(outcome: Exclude<ImportReviewOutcome, { status: "reviewed" }>): FormState {
  switch (outcome.status) {
    case "outside_scope":
      return { status: "error", errors: { form: `outside_${outcome.outside.kind}` }, values: { code: outcome.outside.code } };
    case "invalid_comment":
      return { status: "error", errors: { comment: outcome.reason === "required" ? "commentRequired" : "commentTooLong" } };
    default:
      return { status: "error", errors: { form: outcome.status } };
  }
}

async function review(data: FormData, request: (comment: string) => ImportReviewAction): Promise<FormState> {
  const reviewer = await actionUser("figures:review");
  if (!reviewer) return { status: "error", errors: { form: "forbidden" } };
  const id = parseFigureId(String(data.get("id") ?? ""));
  if (id === null) return { status: "error", errors: { form: "not_found" } };
  try {
    const outcome = await reviewImport(reviewer, id, request(String(data.get("comment") ?? "")));
    if (outcome.status !== "reviewed") return refusal(outcome);
    revalidatePath(`/imports/${id}`);
    revalidatePath("/imports");
    return { status: "ok", message: outcome.review };
  } catch (error) {
    const refused = databaseFailureState(error);
    if (refused) return refused;
    console.error("import review failed", error);
    return { status: "error", errors: { form: "failed" } };
  }
}

export async function approveImportAction(_: FormState, data: FormData): Promise<FormState> {
  return review(data, () => ({ action: "approve" }));
}

export async function returnImportAction(_: FormState, data: FormData): Promise<FormState> {
  return review(data, (comment) => ({ action: "return", comment }));
}
