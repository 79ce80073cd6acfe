"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/permissions";
import { INCLUDE_UNPUBLISHED_COOKIE } from "@/lib/auth/reader";
import { currentUser } from "@/lib/auth/session";

/**
 * The header's "Include unpublished" switch: a session cookie a reviewer sets
 * or clears; every page then reads it (lib/auth/reader.ts). Anyone else's is
 * ignored by visibilityFor, so it is not even set for them.
 */
export async function setIncludeUnpublished(formData: FormData): Promise<void> {
  const user = await currentUser().catch(() => null);
  if (!user || !can(user.role, "figures:review")) return;
  const jar = await cookies();
  if (formData.get("include") === "1") jar.set(INCLUDE_UNPUBLISHED_COOKIE, "1", { path: "/", sameSite: "lax", httpOnly: true });
  else jar.delete(INCLUDE_UNPUBLISHED_COOKIE);
  revalidatePath("/", "layout");
}
