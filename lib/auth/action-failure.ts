// Server Actions whose write the database refused: a read-only database or
// one that cannot be reached is said as such (messages `database.*`, EN/FR),
// never as a generic failure, and an unreachable one is marked down.
import type { FormState } from "./form-state";
import { noteDatabaseFailure } from "../db/availability";
import type { DatabaseFailure } from "../db/errors";

/** The message keys a form shows for each (the `database` namespace travels to every page). */
export const DATABASE_MESSAGE: Record<DatabaseFailure, "database.unavailable" | "database.readOnly"> = {
  unavailable: "database.unavailable",
  read_only: "database.readOnly",
};

/** The form state for an error the database caused, or null for any other error (the caller's to handle). */
export function databaseFailureState(error: unknown): FormState | null {
  const failure = noteDatabaseFailure(error);
  return failure ? { status: "error", errors: { form: DATABASE_MESSAGE[failure] } } : null;
}
