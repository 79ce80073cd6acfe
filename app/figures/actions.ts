"use server";

// The figure form's Server Actions. Each checks the caller's role itself
// (a Server Action is a public endpoint), runs the one figure-write use case
// (lib/data/figure-writes.ts) and passes its outcome on to the form.
import { actionUser } from "@/lib/auth/session";
import { noteDatabaseFailure } from "@/lib/db/availability";
import type { DatabaseFailure } from "@/lib/db/errors";
import { writeFigure, type FigureWriteOutcome } from "@/lib/data/figure-writes";

export type SaveResult =
  | { status: "saved"; id: number }
  | Exclude<FigureWriteOutcome, { status: "saved" } | { status: "deleted" }>
  | { status: "forbidden" }
  /** The database refused the write: read-only, or unreachable (lib/db/errors.ts). */
  | { status: DatabaseFailure }
  | { status: "failed" };

export interface SaveRequest {
  id?: number;
  version?: number;
  values: unknown;
  /** The analyst saw the outlier warning and saves anyway. */
  confirmOutlier?: boolean;
  /** In a dataset that needs review: keep it a draft ("Save draft") instead of submitting it. */
  draft?: boolean;
}

const writer = () => actionUser("figures:write");

function answer(outcome: FigureWriteOutcome): SaveResult {
  if (outcome.status === "saved" || outcome.status === "deleted") return { status: "saved", id: outcome.figure.id };
  return outcome;
}

async function run(write: () => Promise<FigureWriteOutcome>): Promise<SaveResult> {
  try {
    return answer(await write());
  } catch (error) {
    const refused = noteDatabaseFailure(error);
    if (refused) return { status: refused };
    console.error("figure write failed", error);
    return { status: "failed" };
  }
}

export async function saveFigure(request: SaveRequest): Promise<SaveResult> {
  const user = await writer();
  if (!user) return { status: "forbidden" };
  const outliers = request.confirmOutlier ? "confirmed" : "ask";
  return run(() =>
    request.id === undefined
      ? writeFigure({ op: "create", values: request.values, outliers, draft: request.draft }, user)
      : writeFigure({ op: "update", id: request.id, version: request.version ?? 0, values: request.values, outliers, draft: request.draft }, user),
  );
}

export async function removeFigure(id: number, version: number): Promise<SaveResult> {
  const user = await writer();
  if (!user) return { status: "forbidden" };
  return run(() => writeFigure({ op: "delete", id, version }, user));
}

export async function bringBackFigure(id: number): Promise<SaveResult> {
  const user = await actionUser("figures:restore");
  if (!user) return { status: "forbidden" };
  return run(() => writeFigure({ op: "restore", id }, user));
}
