"use server";

// The review's Server Actions (the queue page and the figure page). Each
// checks the caller's role itself (a Server Action is a public endpoint);
// the review use case (lib/data/review.ts) checks each record.
import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/session";
import { noteDatabaseFailure } from "@/lib/db/availability";
import { reviewFigures, submitFigure, type ItemRefusal } from "@/lib/data/review";
import { reviewCommentSchema } from "@/lib/validation/review";

export type ReviewActionResult =
  | { status: "done"; done: number[]; refused: ItemRefusal[] }
  | { status: "invalid"; error: "commentRequired" | "commentTooLong" }
  | { status: "forbidden" | "not_found" | "not_draft" | "outside_scope" | "failed" | "read_only" | "unavailable" };

async function guarded(run: () => Promise<ReviewActionResult>): Promise<ReviewActionResult> {
  try {
    const result = await run();
    revalidatePath("/review");
    return result;
  } catch (error) {
    const refused = noteDatabaseFailure(error);
    if (refused) return { status: refused };
    console.error("review failed", error);
    return { status: "failed" };
  }
}

const ids = (list: unknown): number[] => (Array.isArray(list) ? list.filter((n): n is number => Number.isInteger(n) && n > 0).slice(0, 1_000) : []);

export async function approveFigures(figureIds: number[]): Promise<ReviewActionResult> {
  const user = await actionUser("figures:review");
  if (!user) return { status: "forbidden" };
  return guarded(async () => ({ status: "done", ...(await reviewFigures(ids(figureIds), user, "approve")) }));
}

export async function returnFigures(figureIds: number[], comment: string): Promise<ReviewActionResult> {
  const user = await actionUser("figures:review");
  if (!user) return { status: "forbidden" };
  const parsed = reviewCommentSchema.safeParse(comment);
  if (!parsed.success) return { status: "invalid", error: parsed.error.issues[0]?.message === "commentTooLong" ? "commentTooLong" : "commentRequired" };
  return guarded(async () => ({ status: "done", ...(await reviewFigures(ids(figureIds), user, "return", parsed.data)) }));
}

export async function submitForReview(figureId: number): Promise<ReviewActionResult> {
  const user = await actionUser("figures:write");
  if (!user) return { status: "forbidden" };
  return guarded(async () => {
    const outcome = await submitFigure(figureId, user);
    return outcome.status === "submitted" ? { status: "done", done: [figureId], refused: [] } : { status: outcome.status };
  });
}
