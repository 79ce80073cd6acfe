// A dataset's freshness beside a number: a word (never a colour only) and the
// date of the dataset's latest figure. Reports have no freshness, only their
// date. No "use client" and no async: it renders in server and client
// components alike (its messages are in the "charts" namespace, which the
// browser has).
import { useLocale, useTranslations } from "next-intl";
import type { Freshness as FreshnessCode } from "@/lib/domain/datasets";
import { formatDate } from "@/lib/domain/format";

export interface FreshnessProps {
  /** freshnessOf(latestReference, cadenceDays, today): "none" for reports. */
  freshness: FreshnessCode;
  /** The reference date of the dataset's latest figure for this indicator and place (YYYY-MM-DD). */
  latestReference: string | null;
  cadenceDays: number | null;
  datasetName: string;
}

export function Freshness({ freshness, latestReference, cadenceDays, datasetName }: FreshnessProps) {
  const t = useTranslations("charts.freshness");
  const locale = useLocale();
  if (!latestReference) return null;
  const date = formatDate(latestReference, locale);
  const rated = freshness !== "none" && cadenceDays !== null;
  return (
    <span className={`freshness freshness-${freshness}`} data-freshness={freshness} data-as-of={latestReference}>
      {rated && <span className="freshness-mark">{t(freshness)}</span>} {rated ? t("series", { dataset: datasetName, date, days: cadenceDays }) : t("none", { dataset: datasetName, date })}
    </span>
  );
}
