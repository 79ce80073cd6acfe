"use server";

// Saved views' Server Actions: each checks the caller itself (a Server Action
// is a public endpoint) and leaves the record's rule to lib/data/saved-views.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionUser } from "@/lib/auth/session";
import { noteDatabaseFailure } from "@/lib/db/availability";
import { createSavedView, deleteSavedView } from "@/lib/data/saved-views";

export type SaveViewState =
  | { status: "idle" }
  | { status: "saved"; id: number }
  | { status: "invalid"; fields: Record<string, string> }
  | { status: "forbidden" }
  | { status: "failed" };

export async function saveView(_previous: SaveViewState, form: FormData): Promise<SaveViewState> {
  const user = await actionUser("views:save");
  if (!user) return { status: "forbidden" };
  try {
    const outcome = await createSavedView(user, { name: form.get("name") ?? "", path: form.get("path") ?? "", shared: form.get("shared") ?? false });
    if (outcome.status === "invalid") return outcome;
    if (outcome.status !== "saved") return { status: "failed" };
    revalidatePath("/views");
    return { status: "saved", id: outcome.view.id };
  } catch (error) {
    if (!noteDatabaseFailure(error)) console.error("saving a view failed", error);
    return { status: "failed" };
  }
}

/** The list's delete button (a plain form: works before the page's script loads). */
export async function removeView(form: FormData): Promise<void> {
  const user = await actionUser("views:save");
  if (!user) redirect("/login");
  const id = Number(form.get("id"));
  const outcome = Number.isSafeInteger(id) && id > 0 ? await deleteSavedView(user, id) : { status: "not_found" as const };
  revalidatePath("/views");
  redirect(`/views?result=${outcome.status}`);
}
