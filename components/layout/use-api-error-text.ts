"use client";

import { useTranslations } from "next-intl";

export interface ApiError {
  code?: string;
  message?: string;
}

/**
 * The text to show for an API error: the database's 503s (read-only,
 * unreachable) in the reader's language, else the API's own message, else
 * the fallback.
 */
export function useApiErrorText(): (error: ApiError | undefined, fallback: string) => string {
  const t = useTranslations("database");
  return (error, fallback) => (error?.code === "database_read_only" ? t("readOnly") : error?.code === "database_unavailable" ? t("unavailable") : (error?.message ?? fallback));
}
