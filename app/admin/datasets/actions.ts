"use server";

// The datasets page's Server Actions. Each is a public endpoint: it checks the
// caller's permission itself (creating: analysts and admins; the preferred
// order: admins), validates with the shared schema, then writes (audited in lib/data).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUser } from "@/lib/auth/session";
import { formValues, type FormState } from "@/lib/auth/form-state";
import { databaseFailureState } from "@/lib/auth/action-failure";
import { createDataset, datasetCatalogue, DatasetError, listDatasets, setNeedsReview, setPreferences } from "@/lib/data/datasets";
import { moved, preferenceOrder } from "@/lib/domain/preference-order";
import { datasetCodeSchema, datasetInputSchema } from "@/lib/validation/dataset-input";
import { INDICATOR_CODE } from "@/lib/validation/figures-query";

const FORBIDDEN: FormState = { status: "error", errors: { form: "forbidden" } };
const PAGE = "/admin/datasets";

/** Each field's one message (messages admin.errors): what the field must hold. */
const FIELD_ERRORS: Record<string, string> = {
  code: "datasetCode",
  name: "datasetName",
  publisher: "datasetPublisher",
  url: "datasetUrl",
  licence: "datasetLicence",
  kind: "datasetKind",
  cadenceDays: "datasetCadence",
};

function failed(error: unknown): FormState {
  const refused = databaseFailureState(error);
  if (refused) return refused;
  console.error("datasets action failed", error);
  return { status: "error", errors: { form: "failed" } };
}

export async function createDatasetAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("datasets:write");
  if (!actor) return FORBIDDEN;
  const values = formValues(data, ["code", "name", "publisher", "url", "licence", "kind", "cadenceDays"]);
  const cadence = values.cadenceDays!.trim();
  const parsed = datasetInputSchema.safeParse({
    code: values.code,
    name: values.name,
    publisher: values.publisher,
    url: values.url,
    ...(values.licence!.trim() ? { licence: values.licence } : {}),
    kind: values.kind,
    cadenceDays: cadence === "" ? null : Number(cadence),
  });
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), FIELD_ERRORS[String(i.path[0])] ?? "failed"]));
    return { status: "error", errors, values };
  }
  try {
    await createDataset(parsed.data, actor);
  } catch (error) {
    if (error instanceof DatasetError && error.kind === "code_taken") return { status: "error", errors: { code: "datasetCodeTaken" }, values };
    if (error instanceof DatasetError && error.kind === "outside_scope") return { status: "error", errors: { form: "datasetOutsideScope" }, values };
    return failed(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: "datasetCreated" };
}

const moveSchema = z.object({
  indicator: z.string().regex(INDICATOR_CODE),
  dataset: datasetCodeSchema,
  direction: z.enum(["up", "down"]),
});

/** Moves one dataset a place up or down in an indicator's preferred order, from the order as it is now. */
export async function moveDatasetAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("datasets:prefer");
  if (!actor) return FORBIDDEN;
  const parsed = moveSchema.safeParse(formValues(data, ["indicator", "dataset", "direction"]));
  if (!parsed.success) return { status: "error", errors: { form: "preferenceMove" } };
  const { indicator, dataset, direction } = parsed.data;
  try {
    const [catalogue, summaries] = await Promise.all([datasetCatalogue(), listDatasets()]);
    const withFigures = summaries.filter((d) => d.indicators.includes(indicator)).map((d) => d.code);
    const order = preferenceOrder(catalogue.preferences.get(indicator) ?? [], withFigures, [...catalogue.byCode.values()]);
    const next = moved(order, dataset, direction);
    if (!next) return { status: "error", errors: { form: "preferenceMove" } };
    await setPreferences(indicator, next, actor.id);
  } catch (error) {
    if (error instanceof DatasetError) return { status: "error", errors: { form: "preferenceMove" } };
    return failed(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: "preferenceSaved" };
}

const reviewSchema = z.object({ dataset: datasetCodeSchema, needsReview: z.enum(["true", "false"]) });

/** Sets whether writes into a dataset wait for review (admins: datasets:prefer). */
export async function setNeedsReviewAction(_: FormState, data: FormData): Promise<FormState> {
  const actor = await actionUser("datasets:prefer");
  if (!actor) return FORBIDDEN;
  const parsed = reviewSchema.safeParse(formValues(data, ["dataset", "needsReview"]));
  if (!parsed.success) return { status: "error", errors: { form: "failed" } };
  try {
    await setNeedsReview(parsed.data.dataset, parsed.data.needsReview === "true", actor.id);
  } catch (error) {
    if (error instanceof DatasetError) return { status: "error", errors: { form: "failed" } };
    return failed(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: parsed.data.needsReview === "true" ? "reviewOn" : "reviewOff" };
}
