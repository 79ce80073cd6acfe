import { getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/exports/download-link";
import { currentPublicLink } from "@/lib/auth/reader";

/**
 * Links to the view's figures as files: the same filters as on screen, in the
 * form GET /api/v1/figures takes them (the server checks the caller again).
 */
export async function DataDownloads({ indicators, regions = [], from, to }: { indicators: string[]; regions?: string[]; from?: string; to?: string }) {
  // The files come from the API, closed to a public link's visitor.
  if (currentPublicLink()) return null;
  const t = await getTranslations("downloads");
  const query = new URLSearchParams({ indicator: indicators.join(",") });
  if (regions.length) query.set("region", regions.join(","));
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const link = (path: string, label: string) => <DownloadLink href={`${path}?${query}`}>{label}</DownloadLink>;
  return (
    <p className="data-downloads">
      {t("label")} {link("/api/v1/figures.csv", "CSV")} · {link("/api/v1/figures.excel-fr.csv", t("csvExcelFr"))} · {link("/api/v1/figures.xlsx", "XLSX")} · {link("/api/v1/figures.hxl.csv", "HXL")}
    </p>
  );
}
