// GET/POST /api/v1/events and PATCH/DELETE /api/v1/events/:id without the
// HTTP wrapper: each runs lib/data/events.ts and translates its outcome to a
// status and a JSON body (the project's error shapes), in this one place.
import en from "../../messages/en.json";
import { listEvents, writeEvent, type EventWriter, type EventWriteOutcome } from "../data/events";
import { outsideScopeBody } from "./scope-refusal";
import type { Scope } from "../auth/scope";
import { regionIndex } from "../data/reference";
import { eventsQuerySchema, eventVersionSchema } from "../validation/event-input";
import { queryIssue } from "../validation/query-issue";

export interface EndpointResult {
  status: number;
  body?: unknown;
}

/** The English text of the form's message keys (messages admin.errors). */
const MESSAGES = en.admin.errors as Record<string, string>;
const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): EndpointResult => ({ status, body: { error: { code, message, ...extra } } });

function invalidBody(fields: Record<string, string>): EndpointResult {
  const messages = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, MESSAGES[key] ?? key]));
  const first = Object.entries(messages)[0];
  return error(400, "invalid_body", first ? `${first[0]}: ${first[1]}` : "The event is not valid", { fields: messages });
}

export function eventWriteResponse(outcome: EventWriteOutcome, id?: number): EndpointResult {
  switch (outcome.status) {
    case "saved":
      return { status: outcome.created ? 201 : 200, body: { data: outcome.event } };
    case "deleted":
      return { status: 204 };
    case "invalid":
      return invalidBody(outcome.errors);
    case "duplicate":
      return error(409, "duplicate_event", "An event with this title on this start date already exists");
    case "conflict":
      return error(409, "version_conflict", `The event was changed by someone else (now version ${outcome.current.version})`, { current: outcome.current });
    case "not_found":
      return error(404, "not_found", `There is no event ${id ?? ""}`.trim());
    case "outside_scope":
      return { status: 403, body: outsideScopeBody(outcome.outside) };
  }
}

const KNOWN = new Set(["region", "from", "to"]);

/** `?region=ML05`: that region's events and the national ones; `?region=ML`: national ones only; `from`/`to`: those overlapping the range; always within what `reader` may read. */
export async function eventsEndpoint(params: URLSearchParams, reader?: Scope): Promise<EndpointResult> {
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) return error(400, "invalid_parameter", `unknown parameter "${key}"`, { parameter: key });
    if (params.getAll(key).length > 1) return error(400, "invalid_parameter", `"${key}" may be given once`, { parameter: key });
  }
  const parsed = eventsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const { parameter, message } = queryIssue(parsed.error);
    return error(400, "invalid_parameter", message, { parameter });
  }
  const { region, from, to } = parsed.data;
  if (region && region !== "ML" && (await regionIndex()).get(region)?.level !== 1) return error(400, "invalid_parameter", `region "${region}" is not a region's P-code`, { parameter: "region" });
  return { status: 200, body: { data: await listEvents({ region, from, to, reader }) } };
}

export async function createEventEndpoint(body: unknown, writer: EventWriter): Promise<EndpointResult> {
  return eventWriteResponse(await writeEvent({ op: "create", values: body }, writer));
}

/** The body holds the fields to change and the `version` the client saw. */
export async function updateEventEndpoint(id: number, body: unknown, writer: EventWriter): Promise<EndpointResult> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalidBody({ form: "eventBody" });
  const { version, ...changes } = body as Record<string, unknown>;
  const parsedVersion = eventVersionSchema.safeParse(version);
  if (version === undefined || !parsedVersion.success) return invalidBody({ version: "eventVersion" });
  return eventWriteResponse(await writeEvent({ op: "update", id, version: parsedVersion.data, values: changes, partial: true }, writer), id);
}

/** `?version=n` makes the delete conditional on the version the client saw. */
export async function deleteEventEndpoint(id: number, version: string | null, writer: EventWriter): Promise<EndpointResult> {
  const parsedVersion = version === null ? undefined : eventVersionSchema.safeParse(version);
  if (parsedVersion && !parsedVersion.success) return invalidBody({ version: "eventVersion" });
  return eventWriteResponse(await writeEvent({ op: "delete", id, version: parsedVersion?.data }, writer), id);
}

/** An event id from the URL: a positive integer, else null. */
export function parseEventId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
