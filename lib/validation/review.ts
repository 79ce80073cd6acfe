// A reviewer's comment when returning work: the form and the API parse the same.
import { z } from "zod";

export const REVIEW_COMMENT_MAX = 2_000;

/** Required: an author must learn what to fix. */
export const reviewCommentSchema = z
  .string({ error: "commentRequired" })
  .trim()
  .min(1, { error: "commentRequired" })
  .max(REVIEW_COMMENT_MAX, { error: "commentTooLong" });

/** The review queue's filters, from a URL (the page's GET form and the API). */
export const reviewQueueQuerySchema = z.object({
  region: z.string().trim().max(16).optional().transform((v) => v || undefined),
  dataset: z.string().trim().max(64).optional().transform((v) => v || undefined),
  author: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/)
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
});
