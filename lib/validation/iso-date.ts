// The one rule for a date written in a query, a form or an API body: a real
// calendar day written YYYY-MM-DD (parseIsoDate), so 2024-99-99, 2024-00-00
// and 2023-02-29 are refused where they are read, not by the database later.
import { z } from "zod";
import { parseIsoDate } from "../domain/dates";

export const ISO_DATE_MESSAGE = "must be a date written YYYY-MM-DD";

/** Tells a refused date apart from the other refusals of a schema (zod issue params), without reading its message. */
export const DATE_PROBLEM = { problem: "date" } as const;

/** A date kept as its YYYY-MM-DD text; `error` replaces the message (a message key for the forms). */
export function isoDateText(error: string = ISO_DATE_MESSAGE) {
  return z.string().refine((s) => parseIsoDate(s) !== null, { error, params: DATE_PROBLEM });
}

/** A date read as midnight UTC of that day. */
export function isoDate(error: string = ISO_DATE_MESSAGE) {
  return isoDateText(error).transform((s) => parseIsoDate(s) as Date);
}
