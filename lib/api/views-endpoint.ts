// /api/v1/views without the HTTP wrapper (integration tests call it against
// a real database): the saved views of lib/data/saved-views.ts, as JSON.
import type { Role } from "../auth/permissions";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type SavedViewOutcome } from "../data/saved-views";
import { VIEW_NAME_MAX } from "../validation/saved-view";

type Actor = { id: number; role: Role };
export type EndpointResult = { status: number; body?: unknown };

/** The form's message keys, in the API's English. */
const MESSAGES: Record<string, string> = {
  nameRequired: "is required",
  nameTooLong: `must be at most ${VIEW_NAME_MAX} characters`,
  pathInvalid: "must be a path of this site with its query, such as /figures?dataset=iom-dtm-mali (no scheme, host or /api)",
};

function answer(outcome: SavedViewOutcome, created = false): EndpointResult {
  switch (outcome.status) {
    case "saved":
      return { status: created ? 201 : 200, body: { data: outcome.view } };
    case "deleted":
      return { status: 204 };
    case "invalid":
      return { status: 400, body: { error: { code: "invalid_body", message: "Some fields are not valid", fields: Object.fromEntries(Object.entries(outcome.fields).map(([k, v]) => [k, MESSAGES[v] ?? v])) } } };
    case "not_found":
      return { status: 404, body: { error: { code: "not_found", message: "No such saved view" } } };
    case "forbidden":
      return { status: 403, body: { error: { code: "forbidden", message: "Only its owner may change this view (an admin may delete a shared one)" } } };
  }
}

export function parseViewId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

const badId = (raw: string): EndpointResult => ({ status: 400, body: { error: { code: "invalid_parameter", parameter: "id", message: `"${raw}" is not a view id` } } });

export async function listViewsEndpoint(actor: Actor): Promise<EndpointResult> {
  return { status: 200, body: { data: await listSavedViews(actor.id) } };
}

export async function createViewEndpoint(actor: Actor, body: unknown): Promise<EndpointResult> {
  const input = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  return answer(await createSavedView(actor, { shared: false, ...input }), true);
}

export async function updateViewEndpoint(actor: Actor, rawId: string, body: unknown): Promise<EndpointResult> {
  const id = parseViewId(rawId);
  return id === null ? badId(rawId) : answer(await updateSavedView(actor, id, body));
}

export async function deleteViewEndpoint(actor: Actor, rawId: string): Promise<EndpointResult> {
  const id = parseViewId(rawId);
  return id === null ? badId(rawId) : answer(await deleteSavedView(actor, id));
}
