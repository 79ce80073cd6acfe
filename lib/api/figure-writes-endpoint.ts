// POST /api/v1/figures, PATCH and DELETE /api/v1/figures/:id without the
// HTTP wrapper: the same schema and rules as the form, answers as JSON.
import en from "../../messages/en.json";
import { isOutlier } from "../domain/outlier";
import {
  createFigure,
  deleteFigure,
  figureRules,
  FigureWriteError,
  getFigure,
  previousFigure,
  updateFigure,
} from "../data/figure-writes";
import type { FigureDto } from "../data/figures";
import { fieldErrors, figureInputSchema, versionSchema, type FieldErrors } from "../validation/figure-input";

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

function refused(error: unknown): EndpointResult {
  if (!(error instanceof FigureWriteError)) throw error;
  const status = { not_found: 404, conflict: 409, duplicate: 409, not_deleted: 409 }[error.kind];
  const code = { not_found: "not_found", conflict: "version_conflict", duplicate: "duplicate_figure", not_deleted: "not_deleted" }[error.kind];
  return { status, body: { error: { code, message: error.message, ...error.detail } } };
}

/** The fields of a figure that a client may send (the read API's shape without id and version). */
function writable(f: FigureDto) {
  return { indicator: f.indicator, region: f.region, periodStart: f.periodStart, periodEnd: f.periodEnd, disaggregation: f.disaggregation, value: f.value, source: f.source, note: f.note };
}

async function validate(body: unknown) {
  const rules = await figureRules();
  return figureInputSchema(rules.indicators, rules.regions).safeParse(body);
}

export async function createFigureEndpoint(body: unknown, userId: number): Promise<EndpointResult> {
  const parsed = await validate(body);
  if (!parsed.success) return invalidBody(fieldErrors(parsed.error));
  try {
    const figure = await createFigure(parsed.data, userId);
    // The API accepts an outlier (the form asks first) but says so.
    const previous = await previousFigure(parsed.data, figure.id);
    const warnings = previous && isOutlier(figure.value, previous.value) ? [{ code: "outlier", message: `more than 3 times the previous figure (${previous.value} on ${previous.periodEnd})`, previous }] : [];
    return { status: 201, body: { data: figure, meta: { warnings } } };
  } catch (error) {
    return refused(error);
  }
}

export async function updateFigureEndpoint(id: number, body: unknown, userId: number): Promise<EndpointResult> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidBody({ form: "required" });
  const { version, ...changes } = body as Record<string, unknown>;
  const parsedVersion = versionSchema.safeParse(version);
  if (!parsedVersion.success) return invalidBody({ version: "required" });
  const current = await getFigure(id);
  if (!current) return refused(new FigureWriteError("not_found", `There is no figure ${id}`));
  const parsed = await validate({ ...writable(current), ...changes });
  if (!parsed.success) return invalidBody(fieldErrors(parsed.error));
  try {
    return { status: 200, body: { data: await updateFigure(id, parsed.data, parsedVersion.data, userId) } };
  } catch (error) {
    return refused(error);
  }
}

export async function deleteFigureEndpoint(id: number, version: string | null, userId: number): Promise<EndpointResult> {
  const parsedVersion = version === null ? undefined : Number(version);
  if (parsedVersion !== undefined && !versionSchema.safeParse(parsedVersion).success) return invalidBody({ version: "notANumber" });
  try {
    await deleteFigure(id, parsedVersion, userId);
    return { status: 204 };
  } catch (error) {
    return refused(error);
  }
}

/** A figure id from the URL: a positive integer, else null. */
export function parseFigureId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
