// An event as the events page's forms and POST/PATCH /api/v1/events write it.
// Messages are keys of messages admin.errors (the form shows them in the
// reader's language; the API answers the English ones).
import { z } from "zod";
import { parseIsoDate } from "../domain/dates";
import { isSourceUrl } from "./source-url";

/** A region's P-code (admin1); national events have none. */
export const REGION_PCODE = /^ML\d{2}$/;

/** "" and null both mean "none" (a form's empty field, a JSON null). */
const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : typeof value === "string" && value.trim() === "" ? null : value);

const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string({ error: "eventText" }).trim().max(max, "eventTooLong").nullable()).default(null);

const dateText = (error: string) => z.string({ error }).trim().refine((s) => parseIsoDate(s) !== null, error);

export const eventInputSchema = z
  .object({
    title: z.string({ error: "eventTitle" }).trim().min(1, "eventTitle").max(300, "eventTooLong"),
    titleFr: optionalText(300),
    startDate: dateText("eventDate"),
    endDate: z.preprocess(blankToNull, dateText("eventDate").nullable()).default(null),
    region: z.preprocess(blankToNull, z.string({ error: "eventRegion" }).trim().toUpperCase().regex(REGION_PCODE, "eventRegion").nullable()).default(null),
    sourceUrl: z.string({ error: "eventSourceUrl" }).trim().refine(isSourceUrl, "eventSourceUrl"),
    note: optionalText(2000),
  })
  .strict()
  // A period's end never precedes its start; an end on the start day is a one-day event.
  .transform((e) => ({ ...e, endDate: e.endDate === e.startDate ? null : e.endDate }))
  .refine((e) => e.endDate === null || e.endDate > e.startDate, { message: "eventEndBeforeStart", path: ["endDate"] });

export type EventInput = z.infer<typeof eventInputSchema>;

/** The version a PATCH or DELETE was based on (optimistic locking). */
export const eventVersionSchema = z.coerce.number({ error: "eventVersion" }).int("eventVersion").min(1, "eventVersion").max(2_147_483_647, "eventVersion");

/** Each field's first refusal, as message keys ("form" for the body as a whole). */
export function eventFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.code === "unrecognized_keys" ? "form" : String(issue.path[0] ?? "form");
    errors[field] ??= issue.code === "unrecognized_keys" ? "eventUnknownField" : issue.message;
  }
  return errors;
}

/** GET /api/v1/events?region=&from=&to= */
export const eventsQuerySchema = z
  .object({
    region: z.string().trim().toUpperCase().regex(/^ML(\d{2})?$/, "must be a region P-code such as ML05 (or ML for national events only)").optional(),
    from: z.string().refine((s) => parseIsoDate(s) !== null, "must be a date written YYYY-MM-DD").optional(),
    to: z.string().refine((s) => parseIsoDate(s) !== null, "must be a date written YYYY-MM-DD").optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });

export type EventsQuery = z.infer<typeof eventsQuerySchema>;
