// Schemas for the admin and account forms, shared by the Server Actions and
// the API; passwords follow the one policy (./password.ts). Messages are keys
// of "admin.errors", so each form shows them in the user's language.
import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { DATASET_CODE } from "./dataset-input";
import { MAX_PASSWORD_LENGTH, passwordSchema } from "./password";

export { passwordSchema };

export const emailSchema = z.string().trim().toLowerCase().max(320, "emailTooLong").pipe(z.email("email"));
export const roleSchema = z.enum(ROLES, "role");
export const displayNameSchema = z.string().trim().max(200, "nameTooLong");

export const createUserSchema = z.object({
  email: emailSchema,
  name: displayNameSchema.optional(),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** A region of a scope: a level-1 P-code such as ML05 (whether it exists is the data layer's check). */
export const SCOPE_REGION = /^ML\d{2}$/;

/**
 * A user's scope, as the admin form, the CLI and the data layer give it: no
 * region (or dataset) means every one. Codes are trimmed, P-codes upper-cased.
 */
export const scopeSchema = z.object({
  regions: z.array(z.string().trim().toUpperCase().regex(SCOPE_REGION, "scopeRegion")).max(100, "scopeRegion"),
  datasets: z.array(z.string().trim().regex(DATASET_CODE, "scopeDataset")).max(500, "scopeDataset"),
  readScoped: z.boolean(),
});
export type ScopeInput = z.infer<typeof scopeSchema>;

/** A comma list as the CLI takes it (`--regions ML05,ML06`): empty items dropped. */
export function commaList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}

export const userIdSchema = z.coerce.number("userId").int("userId").positive("userId").max(2_147_483_647, "userId");

export const TOKEN_MAX_DAYS = 365;
export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "tokenName").max(100, "tokenName"),
  days: z.coerce.number("tokenDays").int("tokenDays").min(1, "tokenDays").max(TOKEN_MAX_DAYS, "tokenDays"),
});

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "currentPassword").max(MAX_PASSWORD_LENGTH, "passwordTooLong"), next: passwordSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: "passwordMismatch", path: ["confirm"] })
  .refine((v) => v.next !== v.current, { message: "passwordSame", path: ["next"] });

/** zod issues as { field: messageKey }, the first per field. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
