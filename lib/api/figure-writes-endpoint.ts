// POST /api/v1/figures, PATCH and DELETE /api/v1/figures/:id and POST
// /api/v1/figures/:id/restore without the HTTP wrapper: each runs the one
// figure-write use case (lib/data/figure-writes.ts) and translates its
// outcome to a status and a JSON body, in this one place.
import en from "../../messages/en.json";
import { writeFigure, type FigureWriteOutcome, type OutlierWarning, type Writer } from "../data/figure-writes";
import { outsideScopeBody } from "./scope-refusal";
import { versionSchema, type FieldErrors } from "../validation/figure-input";

export interface EndpointResult {
  status: number;
  body?: unknown;
}

const MESSAGES = en.figureErrors as Record<string, string>;

function invalidBody(fields: FieldErrors): EndpointResult {
  const messages = Object.fromEntries(Object.entries(fields).map(([path, key]) => [path, MESSAGES[key] ?? key]));
  const first = Object.entries(messages)[0];
  return {
    status: 400,
    body: { error: { code: "invalid_body", message: first ? `${first[0]}: ${first[1]}` : "invalid body", fields: messages } },
  };
}

const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): EndpointResult => ({ status, body: { error: { code, message, ...extra } } });

/** How far a value is from the previous figure of its series, in words. */
const outlierText = (change: OutlierWarning["change"]) => `${change === "rise" ? "more than 3 times" : "less than a third of"} the previous figure`;

function warning(w: OutlierWarning) {
  return { ...w, message: `${outlierText(w.change)} (${w.previous.value} on ${w.previous.periodEnd})` };
}

/** The one translation of a figure write's outcome to HTTP. */
export function figureWriteResponse(outcome: FigureWriteOutcome, id?: number): EndpointResult {
  switch (outcome.status) {
    case "saved":
      return { status: outcome.created && id === undefined ? 201 : 200, body: { data: outcome.figure, meta: { warnings: outcome.warnings.map(warning) } } };
    case "deleted":
      return { status: 204 };
    case "invalid":
      return invalidBody(outcome.errors);
    case "duplicate":
      return error(409, "duplicate_figure", "A figure for this indicator, region, period and disaggregation already exists", outcome.existingId === null ? {} : { existingId: outcome.existingId });
    case "conflict":
      return error(409, "version_conflict", `The figure was changed by someone else (now version ${outcome.current.version})`, { current: outcome.current });
    case "not_found":
      return error(404, "not_found", `There is no figure ${id ?? ""}`.trim());
    case "not_deleted":
      return error(409, "not_deleted", `Figure ${id} is not deleted`);
    case "derived":
      return error(409, "derived_figure", `${outcome.indicator} is recomputed from funding required and received: change those figures instead`);
    case "outlier":
      return error(409, "outlier", `The value is ${outlierText(outcome.change)}`, { previous: outcome.previous });
    case "outside_scope":
      return { status: 403, body: outsideScopeBody(outcome.outside) };
    case "review_required":
      return error(403, "review_required", "A published figure of a dataset that needs review is deleted by a reviewer");
  }
}

/**
 * `"status": "draft"` in a body keeps the figure a draft in a dataset that
 * needs review; any other status is the review's to give (ignored here).
 */
function draftOf(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as Record<string, unknown>).status === "draft";
}

export async function createFigureEndpoint(body: unknown, writer: Writer): Promise<EndpointResult> {
  // The API accepts an outlier (the form asks first) but says so.
  return figureWriteResponse(await writeFigure({ op: "create", values: body, outliers: "warn", draft: draftOf(body) }, writer));
}

export async function updateFigureEndpoint(id: number, body: unknown, writer: Writer): Promise<EndpointResult> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidBody({ form: "required" });
  const { version, status, ...changes } = body as Record<string, unknown>;
  const parsedVersion = versionSchema.safeParse(version);
  if (!parsedVersion.success) return invalidBody({ version: "required" });
  return figureWriteResponse(await writeFigure({ op: "update", id, version: parsedVersion.data, values: changes, partial: true, outliers: "warn", draft: status === "draft" }, writer), id);
}

export async function deleteFigureEndpoint(id: number, version: string | null, writer: Writer): Promise<EndpointResult> {
  const parsedVersion = version === null ? undefined : Number(version);
  if (parsedVersion !== undefined && !versionSchema.safeParse(parsedVersion).success) return invalidBody({ version: "notANumber" });
  return figureWriteResponse(await writeFigure({ op: "delete", id, version: parsedVersion }, writer), id);
}

/** Admins bring a deleted figure back under its old id. */
export async function restoreFigureEndpoint(id: number, writer: Writer): Promise<EndpointResult> {
  const result = figureWriteResponse(await writeFigure({ op: "restore", id }, writer), id);
  // A restore answers the figure alone, as it always has.
  return result.status === 200 ? { status: 200, body: { data: (result.body as { data: unknown }).data } } : result;
}

/** A figure id from the URL: a positive integer, else null. */
export function parseFigureId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
