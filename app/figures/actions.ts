"use server";

// The figure form's Server Actions. Each checks the caller's role itself
// (a Server Action is a public endpoint) and validates with the same schema
// as the browser and the API.
import { isOutlier } from "@/lib/domain/outlier";
import { actionUser } from "@/lib/auth/session";
import { noteDatabaseFailure } from "@/lib/db/availability";
import type { DatabaseFailure } from "@/lib/db/errors";
import {
  createFigure,
  deleteFigure,
  figureRules,
  FigureWriteError,
  findSameFigure,
  previousFigure,
  restoreFigure,
  updateFigure,
} from "@/lib/data/figure-writes";
import type { FigureDto } from "@/lib/data/figures";
import { fieldErrors, figureInputSchema, type FieldErrors } from "@/lib/validation/figure-input";

export type SaveResult =
  | { status: "saved"; id: number }
  | { status: "invalid"; errors: FieldErrors }
  | { status: "duplicate"; existingId: number | null }
  | { status: "outlier"; previous: FigureDto }
  | { status: "conflict"; current: FigureDto }
  | { status: "not_found" }
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
}

const writer = () => actionUser("figures:write");

function fromWriteError(error: unknown): SaveResult {
  const refused = noteDatabaseFailure(error);
  if (refused) return { status: refused };
  if (!(error instanceof FigureWriteError)) {
    console.error("figure save failed", error);
    return { status: "failed" };
  }
  if (error.kind === "conflict" && error.detail.current) return { status: "conflict", current: error.detail.current };
  if (error.kind === "duplicate") return { status: "duplicate", existingId: error.detail.existingId ?? null };
  return { status: "not_found" };
}

export async function saveFigure(request: SaveRequest): Promise<SaveResult> {
  const user = await writer();
  if (!user) return { status: "forbidden" };
  const rules = await figureRules();
  const parsed = figureInputSchema(rules.indicators, rules.regions).safeParse(request.values);
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  try {
    const existing = await findSameFigure(input, request.id);
    if (existing) return { status: "duplicate", existingId: existing };
    if (!request.confirmOutlier) {
      const previous = await previousFigure(input, request.id);
      if (previous && isOutlier(input.value, previous.value)) return { status: "outlier", previous };
    }
    const saved =
      request.id === undefined
        ? await createFigure(input, user.id)
        : await updateFigure(request.id, input, request.version ?? 0, user.id);
    return { status: "saved", id: saved.id };
  } catch (error) {
    return fromWriteError(error);
  }
}

export async function removeFigure(id: number, version: number): Promise<SaveResult> {
  const user = await writer();
  if (!user) return { status: "forbidden" };
  try {
    await deleteFigure(id, version, user.id);
    return { status: "saved", id };
  } catch (error) {
    return fromWriteError(error);
  }
}

export async function bringBackFigure(id: number): Promise<SaveResult> {
  const user = await actionUser("figures:restore");
  if (!user) return { status: "forbidden" };
  try {
    await restoreFigure(id, user.id);
    return { status: "saved", id };
  } catch (error) {
    return fromWriteError(error);
  }
}
