// A dataset as POST /api/v1/datasets (and the datasets page) creates it.
import { z } from "zod";
import { isSourceUrl, SOURCE_URL_MAX_LENGTH } from "./source-url";

/** A dataset's code: a short slug, e.g. iom-dtm-mali. */
export const DATASET_CODE = /^[a-z0-9][a-z0-9-]{1,47}$/;

export const datasetCodeSchema = z.string().trim().regex(DATASET_CODE, "must be a short slug of lower-case letters, digits and dashes, such as iom-dtm-mali");

export const datasetInputSchema = z
  .object({
    code: datasetCodeSchema,
    name: z.string().trim().min(1, "is required").max(200),
    publisher: z.string().trim().min(1, "is required").max(200),
    url: z.string().trim().max(SOURCE_URL_MAX_LENGTH).refine((s) => s === "" || isSourceUrl(s), "must be an http(s) address").default(""),
    licence: z.string().trim().max(500).optional(),
    kind: z.enum(["series", "report"], { error: "must be series or report" }),
    cadenceDays: z.number().int("must be whole days").min(1).max(3_650).nullable().optional(),
  })
  .strict()
  .transform((d) => ({ ...d, cadenceDays: d.kind === "report" ? null : (d.cadenceDays ?? null) }))
  .refine((d) => d.kind === "report" || d.cadenceDays !== null, { message: "a series needs its expected cadence in days", path: ["cadenceDays"] });

export type DatasetInput = z.infer<typeof datasetInputSchema>;
