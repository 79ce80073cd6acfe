"use server";

// The events page's Server Actions. Each is a public endpoint: it checks the
// caller's permission itself (events:write), then runs the one event write
// use case (lib/data/events.ts: the shared schema, the version check, the audit).
import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { writeEvent, type EventWriteOutcome } from "@/lib/data/events";
import { eventVersionSchema } from "@/lib/validation/event-input";
import { parseEventId } from "@/lib/api/events-endpoint";

const FORBIDDEN: FormState = { status: "error", errors: { form: "forbidden" } };
const PAGE = "/events";
const FIELDS = ["title", "titleFr", "startDate", "endDate", "region", "sourceUrl", "note"] as const;

function stateOf(outcome: EventWriteOutcome, values: Record<string, string>, done: string): FormState {
  switch (outcome.status) {
    case "saved":
    case "deleted":
      revalidatePath(PAGE);
      return { status: "ok", message: done };
    case "invalid":
      return { status: "error", errors: outcome.errors, values };
    case "duplicate":
      return { status: "error", errors: { title: "eventDuplicate" }, values };
    case "conflict":
      return { status: "error", errors: { form: "eventConflict" }, values };
    case "not_found":
      return { status: "error", errors: { form: "eventNotFound" } };
    case "outside_scope":
      return { status: "error", errors: { region: "eventOutsideScope" }, values };
  }
}

async function run(write: () => Promise<FormState>): Promise<FormState> {
  try {
    return await write();
  } catch (error) {
    const refused = databaseFailureState(error);
    if (refused) return refused;
    console.error("events action failed", error);
    return { status: "error", errors: { form: "failed" } };
  }
}

/** The id and version hidden in an edit or delete form, or null. */
function target(data: FormData): { id: number; version: number } | null {
  const { id, version } = formValues(data, ["id", "version"]);
  const parsedId = parseEventId(id!);
  const parsedVersion = eventVersionSchema.safeParse(version);
  return parsedId !== null && parsedVersion.success ? { id: parsedId, version: parsedVersion.data } : null;
}

export async function createEventAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("events:write");
  if (!actor) return FORBIDDEN;
  const values = formValues(data, FIELDS);
  return run(async () => stateOf(await writeEvent({ op: "create", values }, actor), values, "eventCreated"));
}

export async function updateEventAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("events:write");
  if (!actor) return FORBIDDEN;
  const values = formValues(data, FIELDS);
  const which = target(data);
  if (!which) return { status: "error", errors: { form: "eventNotFound" } };
  return run(async () => stateOf(await writeEvent({ op: "update", ...which, values }, actor), values, "eventSaved"));
}

export async function deleteEventAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("events:write");
  if (!actor) return FORBIDDEN;
  const which = target(data);
  if (!which) return { status: "error", errors: { form: "eventNotFound" } };
  return run(async () => stateOf(await writeEvent({ op: "delete", ...which }, actor), {}, "eventDeleted"));
}
