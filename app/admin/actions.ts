"use server";

// Admin Server Actions. Each is a public endpoint: it checks the caller's
// role itself, validates with the shared schemas, and reports field errors
// as message keys (lib/validation/users.ts).
import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { createUser, UserError } from "@/lib/data/users";
import { changeRole, resetPassword, setActive, setScope } from "@/lib/data/user-admin";
import { createUserSchema, formErrors, passwordSchema, roleSchema, scopeSchema, userIdSchema } from "@/lib/validation/users";

const admin = () => actionUser("users:manage");

const FORBIDDEN: FormState = { status: "error", errors: { form: "forbidden" } };

function failed(error: unknown): FormState {
  if (error instanceof UserError) return { status: "error", errors: { form: "rejected" }, values: { reason: error.message } };
  const refused = databaseFailureState(error);
  if (refused) return refused;
  console.error("admin action failed", error);
  return { status: "error", errors: { form: "failed" } };
}

/** The scope fields (components/admin/scope-fields.ts) as sent, and as the form puts them back after an error. */
function scopeFromForm(data: FormData) {
  const strings = (name: string) => data.getAll(name).filter((v): v is string => typeof v === "string");
  const input = { regions: strings("regions"), datasets: strings("datasets"), readScoped: data.get("readScoped") === "on" };
  return { input, values: { regions: input.regions.join(","), datasets: input.datasets.join(","), readScoped: input.readScoped ? "on" : "" } };
}

/** What checkedScope refused, on its field. */
function scopeRefusal(error: unknown): Record<string, string> | null {
  if (error instanceof UserError && error.kind === "unknown_region") return { regions: "scopeRegion" };
  if (error instanceof UserError && error.kind === "unknown_dataset") return { datasets: "scopeDataset" };
  return null;
}

export async function createUserAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return FORBIDDEN;
  const scope = scopeFromForm(data);
  const values = { ...formValues(data, ["email", "name", "role", "password"]), ...scope.values };
  const kept = { ...values, password: "" };
  const parsed = createUserSchema.safeParse(values);
  const parsedScope = scopeSchema.safeParse(scope.input);
  if (!parsed.success || !parsedScope.success) {
    return { status: "error", errors: { ...(parsed.success ? {} : formErrors(parsed.error)), ...(parsedScope.success ? {} : formErrors(parsedScope.error)) }, values: kept };
  }
  try {
    // The admin chose the first password: the user replaces it at first login.
    await createUser({ ...parsed.data, mustChangePassword: true, scope: parsedScope.data }, actor.id);
    revalidatePath("/admin/users");
    return { status: "ok", message: "userCreated" };
  } catch (error) {
    if (error instanceof UserError && error.kind === "email_taken") return { status: "error", errors: { email: "emailTaken" }, values: kept };
    const refused = scopeRefusal(error);
    if (refused) return { status: "error", errors: refused, values: kept };
    return failed(error);
  }
}

export async function changeRoleAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return FORBIDDEN;
  const id = userIdSchema.safeParse(data.get("id"));
  const role = roleSchema.safeParse(data.get("role"));
  if (!id.success || !role.success) return { status: "error", errors: { role: "role" } };
  try {
    await changeRole(id.data, role.data, actor);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/admin/users/${id.data}`);
  return { status: "ok", message: "roleChanged" };
}

export async function setActiveAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return FORBIDDEN;
  const id = userIdSchema.safeParse(data.get("id"));
  if (!id.success) return { status: "error", errors: { form: "userId" } };
  const active = data.get("active") === "true";
  try {
    await setActive(id.data, active, actor);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/admin/users/${id.data}`);
  return { status: "ok", message: active ? "userEnabled" : "userDisabled" };
}

export async function resetPasswordAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return FORBIDDEN;
  const id = userIdSchema.safeParse(data.get("id"));
  const password = passwordSchema.safeParse(data.get("password") ?? "");
  if (!id.success) return { status: "error", errors: { form: "userId" } };
  if (!password.success) return { status: "error", errors: { password: password.error.issues[0]?.message ?? "passwordTooShort" } };
  try {
    await resetPassword(id.data, password.data, actor);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/admin/users/${id.data}`);
  return { status: "ok", message: "passwordReset" };
}

/** The scope form: checked regions and datasets (none: everywhere), and whether reading is limited too. */
export async function setScopeAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return FORBIDDEN;
  const id = userIdSchema.safeParse(data.get("id"));
  if (!id.success) return { status: "error", errors: { form: "userId" } };
  const scope = scopeFromForm(data);
  const parsed = scopeSchema.safeParse(scope.input);
  if (!parsed.success) return { status: "error", errors: formErrors(parsed.error), values: scope.values };
  try {
    await setScope(id.data, parsed.data, actor);
  } catch (error) {
    const refused = scopeRefusal(error);
    if (refused) return { status: "error", errors: refused, values: scope.values };
    return failed(error);
  }
  revalidatePath(`/admin/users/${id.data}`);
  revalidatePath("/admin/users");
  return { status: "ok", message: "scopeSaved" };
}
