// GET /api/v1/snapshot.pdf and the /snapshot page: the area (country or region) and language.
import { z } from "zod";
import { PCODE } from "./figures-query";

export const snapshotQuerySchema = z.object({
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(PCODE, "region must be a P-code such as ML05 (or ML for the country)")
    .optional()
    .transform((v) => v ?? "ML"),
  locale: z.enum(["en", "fr"], "locale must be en or fr").default("en"),
});
