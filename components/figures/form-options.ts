import "server-only";
// What the figure form offers, in the reader's language: indicators, regions
// (country, regions, then cercles), and the latest sources for reuse.
import { db } from "@/lib/db/client";
import { toIsoDate } from "@/lib/domain/dates";
import { isDerivedIndicator } from "@/lib/domain/funding";
import { numberInputText } from "@/lib/domain/number-input";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import type { FormIndicator, FormRegion, FormSource } from "./figure-form";

export async function figureFormOptions(locale: string, unitLabel: (unit: string) => string): Promise<{ indicators: FormIndicator[]; regions: FormRegion[]; recentSources: FormSource[] }> {
  const lang = locale === "fr" ? "fr" : "en";
  const [indicators, regions, sources] = await Promise.all([
    indicatorIndex(),
    regionIndex(),
    db().source.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 12 }),
  ]);
  return {
    // Unmet requirements and coverage are recomputed from funding, never typed.
    indicators: [...indicators.values()].filter((i) => !isDerivedIndicator(i.code)).map((i) => ({
      code: i.code,
      name: i.name[lang],
      theme: i.theme,
      unit: i.unit as FormIndicator["unit"],
      unitLabel: unitLabel(i.unit),
      disaggregation: i.disaggregation as FormIndicator["disaggregation"],
    })),
    // Each region followed by its cercles.
    regions: [...regions.values()]
      .sort((a, b) => a.pcode.localeCompare(b.pcode))
      .map((r) => ({ pcode: r.pcode, name: r.name[lang], level: r.level })),
    recentSources: sources.map((s) => ({ organisation: s.organisation, title: s.title, url: s.url, date: toIsoDate(s.publishedOn) })),
  };
}

/** A stored value as the form's text field shows it in `locale` (read back unchanged, never ambiguous). */
export function valueForInput(value: number, locale: string): string {
  return numberInputText(value, locale);
}
