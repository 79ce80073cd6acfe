"use server";

// The signed-in user's own account: password and API tokens. Any role, and a
// session only: currentUser never reads an API token, so a token cannot mint
// longer-lived tokens or change the password.
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { changeOwnPassword, createToken, revokeToken } from "@/lib/data/user-admin";
import { UserError } from "@/lib/data/users";
import { changePasswordSchema, createTokenSchema, formErrors, userIdSchema } from "@/lib/validation/users";

const SIGNED_OUT: FormState = { status: "error", errors: { form: "signedOut" } };

export async function changePasswordAction(_: FormState, data: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const parsed = changePasswordSchema.safeParse(formValues(data, ["current", "next", "confirm"]));
  if (!parsed.success) return { status: "error", errors: formErrors(parsed.error) };
  let result: Awaited<ReturnType<typeof changeOwnPassword>>;
  try {
    result = await changeOwnPassword(user.id, parsed.data.current, parsed.data.next);
  } catch (error) {
    const refused = databaseFailureState(error);
    if (refused) return refused;
    throw error;
  }
  if (result === "wrong_current") return { status: "error", errors: { current: "wrongPassword" } };
  if (result === "locked") return { status: "error", errors: { current: "accountLocked" } };
  // The session version moved on, so this session has ended: the page sends the user to log in again.
  return { status: "ok", message: "passwordChanged" };
}

export async function createTokenAction(_: FormState, data: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return SIGNED_OUT;
  const values = formValues(data, ["name", "days"]);
  const parsed = createTokenSchema.safeParse(values);
  if (!parsed.success) return { status: "error", errors: formErrors(parsed.error), values };
  try {
    const token = await createToken(user.id, parsed.data.name, parsed.data.days, user);
    revalidatePath("/account");
    return { status: "ok", message: "tokenCreated", secret: token };
  } catch (error) {
    if (error instanceof UserError) return { status: "error", errors: { form: "rejected" }, values: { reason: error.message } };
    const refused = databaseFailureState(error);
    if (refused) return refused;
    throw error;
  }
}

/** Revokes one of the caller's own tokens (an admin may revoke anyone's). */
export async function revokeTokenAction(_: FormState, data: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user || user.mustChangePassword) return SIGNED_OUT;
  const id = userIdSchema.safeParse(data.get("tokenId"));
  if (!id.success) return { status: "error", errors: { form: "tokenId" } };
  try {
    await revokeToken(id.data, user);
  } catch (error) {
    if (error instanceof UserError) return { status: "error", errors: { form: "rejected" }, values: { reason: error.message } };
    const refused = databaseFailureState(error);
    if (refused) return refused;
    throw error;
  }
  revalidatePath("/account");
  revalidatePath("/admin/tokens");
  return { status: "ok", message: "tokenRevoked" };
}
