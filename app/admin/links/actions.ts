"use server";

// Public read-only links: create and revoke. Each action checks the caller
// (links:manage; the record check is in lib/data/public-links.ts), and a
// created link's address comes back once.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { actionUser } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { createPublicLink, revokePublicLink } from "@/lib/data/public-links";
import { composeLinkPath } from "@/lib/domain/public-link-pages";
import { publicUrl } from "@/lib/env";
import { userIdSchema } from "@/lib/validation/users";

const FORBIDDEN: FormState = { status: "error", errors: { form: "forbidden" } };

function failed(error: unknown): FormState {
  const refused = databaseFailureState(error);
  if (refused) return refused;
  console.error("public link action failed", error);
  return { status: "error", errors: { form: "failed" } };
}

/** This site's origin as the browser reached it (NEXTAUTH_URL when set), for the address to hand out. */
async function origin(): Promise<string> {
  const configured = publicUrl();
  if (configured) return configured.origin;
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}

export async function createPublicLinkAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("links:manage");
  if (!actor) return FORBIDDEN;
  const values = formValues(data, ["label", "page", "region", "filters", "days"]);
  const composed = composeLinkPath({ page: values.page ?? "", region: values.region ?? "", filters: values.filters ?? "" });
  if ("error" in composed) return { status: "error", errors: { [composed.error === "regionRequired" ? "region" : "filters"]: composed.error }, values };
  try {
    const outcome = await createPublicLink(actor, { label: values.label, path: composed.path, days: values.days });
    if (outcome.status === "forbidden") return FORBIDDEN;
    if (outcome.status === "read_scoped") return { status: "error", errors: { form: "linkReadScoped" }, values };
    if (outcome.status === "invalid") return { status: "error", errors: Object.fromEntries(Object.entries(outcome.fields).map(([field, key]) => [field === "path" ? "filters" : field, key])), values };
    if (outcome.status !== "created") return { status: "error", errors: { form: "failed" } };
    revalidatePath("/admin/links");
    return { status: "ok", message: "linkCreated", secret: `${await origin()}/p/${outcome.token}` };
  } catch (error) {
    return failed(error);
  }
}

export async function revokePublicLinkAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("links:manage");
  if (!actor) return FORBIDDEN;
  const id = userIdSchema.safeParse(data.get("linkId"));
  if (!id.success) return { status: "error", errors: { form: "linkId" } };
  try {
    const outcome = await revokePublicLink(actor, id.data);
    if (outcome.status === "forbidden") return FORBIDDEN;
    if (outcome.status === "not_found") return { status: "error", errors: { form: "linkId" } };
  } catch (error) {
    return failed(error);
  }
  revalidatePath("/admin/links");
  return { status: "ok", message: "linkRevoked" };
}
