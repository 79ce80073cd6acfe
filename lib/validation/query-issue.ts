import type { z } from "zod";

/**
 * The first refusal of a query schema as the API reports it: the parameter it
 * concerns and a message naming it (`from must be a date written YYYY-MM-DD`).
 * Schemas word their messages to follow the parameter's name.
 */
export function queryIssue(error: z.ZodError): { parameter: string; message: string } {
  const issue = error.issues[0];
  const parameter = String(issue?.path[0] ?? "query");
  return { parameter, message: `${parameter} ${issue?.message ?? "is invalid"}` };
}
