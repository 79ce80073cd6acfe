// The password policy, one schema for every place that sets a password (the
// CLI now, the admin forms later): at least 12 characters, no composition
// rules, and none of the ~49,000 most common passwords (NIST SP 800-63B).
// Its messages are keys of the "passwordErrors" messages (EN/FR).
import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; the cap only keeps argon2 from hashing megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordErrorKey = "passwordRequired" | "passwordTooShort" | "passwordTooLong" | "passwordTooCommon";

export const passwordSchema = z
  .string({ error: "passwordRequired" satisfies PasswordErrorKey })
  // Counted in code points, so "é" or an emoji is one character, as a person counts.
  .refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, { error: "passwordTooShort" satisfies PasswordErrorKey, abort: true })
  .refine((p) => p.length <= MAX_PASSWORD_LENGTH, { error: "passwordTooLong" satisfies PasswordErrorKey, abort: true })
  .refine((p) => !isCommonPassword(p), { error: "passwordTooCommon" satisfies PasswordErrorKey });

/** The first policy error of `password` (a message key), or null when it is acceptable. */
export function passwordProblem(password: unknown): PasswordErrorKey | null {
  const result = passwordSchema.safeParse(password);
  return result.success ? null : (result.error.issues[0]!.message as PasswordErrorKey);
}

/** The policy error in English, for the CLI and logs (pages use the "passwordErrors" messages). */
export function passwordProblemText(key: PasswordErrorKey, messages: Record<PasswordErrorKey, string>): string {
  return messages[key].replace("{min}", String(MIN_PASSWORD_LENGTH)).replace("{max}", String(MAX_PASSWORD_LENGTH));
}
