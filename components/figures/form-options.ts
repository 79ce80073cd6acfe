import "server-only";
// What the figure form offers, in the reader's language: indicators, regions
// (country, regions, then cercles), the datasets (the user's recent ones
// first) and the latest sources for reuse.
import { db } from "@/lib/db/client";
import { toIsoDate } from "@/lib/domain/dates";
import { isDerivedIndicator } from "@/lib/domain/funding";
import { numberInputText } from "@/lib/domain/number-input";
import { datasetCatalogue } from "@/lib/data/datasets";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { datasetsNeedingReview } from "@/lib/data/review";
import { mayLeaveDatasetToSource, writableDatasets, writablePlaces } from "@/lib/auth/scope-options";
import type { Scope } from "@/lib/auth/scope";
import type { FormDatasets, FormIndicator, FormRegion, FormSource } from "./figure-form";

/** How far back the user's own figures are read for their recent datasets. */
const RECENT_FIGURES = 500;
const RECENT_DATASETS = 5;

/** The datasets of the user's latest figures, most recent first, then every other, by name; only those their scope covers. */
async function datasetsFor(userId: number, scope: Scope): Promise<FormDatasets> {
  const [catalogue, mine] = await Promise.all([
    datasetCatalogue(),
    db().figure.findMany({ where: { OR: [{ updatedById: userId }, { createdById: userId }] }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: RECENT_FIGURES, select: { datasetId: true } }),
  ]);
  const recentIds = [...new Set(mine.map((f) => f.datasetId))].slice(0, RECENT_DATASETS);
  const option = (d: { code: string; name: string }) => ({ code: d.code, name: d.name });
  const recent = writableDatasets(scope, recentIds.flatMap((id) => {
    const d = catalogue.byId.get(id);
    return d ? [option(d)] : [];
  }));
  const others = writableDatasets(scope, [...catalogue.byCode.values()].filter((d) => !recentIds.includes(d.id)).sort((a, b) => a.name.localeCompare(b.name)).map(option));
  return { recent, others, fromSource: mayLeaveDatasetToSource(scope) };
}

export async function figureFormOptions(
  locale: string,
  unitLabel: (unit: string) => string,
  writer: { id: number; scope: Scope },
): Promise<{ indicators: FormIndicator[]; regions: FormRegion[]; datasets: FormDatasets; recentSources: FormSource[]; reviewDatasets: string[] }> {
  const lang = locale === "fr" ? "fr" : "en";
  const [indicators, regions, datasets, sources, reviewDatasets] = await Promise.all([
    indicatorIndex(),
    regionIndex(),
    datasetsFor(writer.id, writer.scope),
    db().source.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 12, include: { dataset: { select: { code: true } } } }),
    datasetsNeedingReview(),
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
    // Each region followed by its cercles; only where the writer's scope lets them write (the country only without a region limit).
    regions: writablePlaces(writer.scope, [...regions.values()])
      .sort((a, b) => a.pcode.localeCompare(b.pcode))
      .map((r) => ({ pcode: r.pcode, name: r.name[lang], level: r.level })),
    datasets,
    reviewDatasets,
    recentSources: sources.map((s) => ({ organisation: s.organisation, title: s.title, url: s.url, date: toIsoDate(s.publishedOn), dataset: s.dataset.code })),
  };
}

/** A stored value as the form's text field shows it in `locale` (read back unchanged, never ambiguous). */
export function valueForInput(value: number, locale: string): string {
  return numberInputText(value, locale);
}
