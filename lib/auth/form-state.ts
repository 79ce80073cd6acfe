// The answer every admin/account form's Server Action gives back to
// useActionState: field errors are message keys, shown in the user's language.
export type FormState =
  | { status: "idle" }
  | { status: "error"; errors: Record<string, string>; values?: Record<string, string> }
  | { status: "ok"; message: string; secret?: string };

export const IDLE: FormState = { status: "idle" };

export function formValues(data: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof data.get(f) === "string" ? (data.get(f) as string) : ""]));
}
