// Datasets, pure: which dataset a series draws, how fresh a dataset is, and
// what "data as of" a figure may claim. One module for these rules, used by
// the dashboards, the compare page, the map and the API.

export type DatasetKindCode = "series" | "report";
export type Freshness = "fresh" | "due" | "overdue" | "stale" | "none";

export interface DatasetRef {
  code: string;
  kind: DatasetKindCode;
}

/**
 * Datasets in the order an indicator prefers them: its list first, then the
 * others (series before reports, then by code, so the order never depends on
 * what a query happened to return first).
 */
export function rankDatasets<D extends DatasetRef>(preference: readonly string[], datasets: readonly D[]): D[] {
  const rank = (d: D) => {
    const i = preference.indexOf(d.code);
    return i >= 0 ? i : preference.length + (d.kind === "report" ? 1 : 0);
  };
  return [...datasets].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

/** The datasets `present`, in the indicator's order of preference (rankDatasets): the first is the preferred one. */
export function orderDatasets(preference: readonly string[], present: Iterable<string>, kinds: ReadonlyMap<string, DatasetKindCode>): string[] {
  return rankDatasets(
    preference,
    [...new Set(present)].map((code) => ({ code, kind: kinds.get(code) ?? "series" })),
  ).map((d) => d.code);
}

/** The first dataset of `preference` among `present`, else the best-ranked of the others. */
export function preferredOf(preference: readonly string[], present: Iterable<string>, kinds: ReadonlyMap<string, DatasetKindCode>): string | null {
  return orderDatasets(preference, present, kinds)[0] ?? null;
}

/**
 * Splits points into the ones each series draws and the rest. A series is
 * what `seriesOf` says (a region and a breakdown); it draws one dataset, the
 * preferred one among those that have points in it, so a line never joins
 * two publishers' figures. The others are comparisons.
 */
export function splitByPreference<P extends { dataset: string }>(
  points: readonly P[],
  seriesOf: (p: P) => string,
  preference: readonly string[],
  kinds: ReadonlyMap<string, DatasetKindCode>,
): { drawn: P[]; others: P[]; datasetOf: Map<string, string> } {
  const present = new Map<string, Set<string>>();
  for (const p of points) {
    const s = seriesOf(p);
    const set = present.get(s) ?? new Set<string>();
    set.add(p.dataset);
    present.set(s, set);
  }
  const datasetOf = new Map<string, string>();
  for (const [s, set] of present) datasetOf.set(s, preferredOf(preference, set, kinds) as string);
  const drawn: P[] = [];
  const others: P[] = [];
  for (const p of points) (datasetOf.get(seriesOf(p)) === p.dataset ? drawn : others).push(p);
  return { drawn, others, datasetOf };
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The date a figure describes the world as of: the end of its period, but
 * never after its publication (a plan-year figure published on 18 April
 * describes the year as of 18 April) nor after today.
 */
export function referenceDate(periodEnd: string, publishedOn: string | null, today: string): string {
  let date = periodEnd;
  if (publishedOn && publishedOn < date) date = publishedOn;
  if (today < date) date = today;
  return date;
}

/**
 * HDX's shape of rule: a dataset is fresh up to one cadence after the
 * reference date of its latest figure, due up to 1.5, overdue up to 2, stale
 * beyond. Reports, and series with no cadence, have no freshness.
 */
export function freshnessOf(latestReference: string | null, cadenceDays: number | null, today: string): Freshness {
  if (cadenceDays === null || cadenceDays <= 0 || latestReference === null) return "none";
  const age = daysBetween(latestReference, today);
  if (age <= cadenceDays) return "fresh";
  if (age <= cadenceDays * 1.5) return "due";
  if (age <= cadenceDays * 2) return "overdue";
  return "stale";
}

/**
 * Whether a period figure is still running on its reference date (a plan
 * year published in April): compared with a complete period it is a
 * year-to-date figure, and must say so.
 */
export function isPartialPeriod(periodEnd: string, reference: string): boolean {
  return reference < periodEnd;
}

/** Today as an ISO date in UTC (the server's "today" for freshness). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** An organisation's name as a dataset code's stem: lower-case ASCII letters, digits and dashes. */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 44)
    .replace(/-+$/g, "");
  return slug.length >= 2 ? slug : `source${slug ? `-${slug}` : ""}`;
}

/** A new dataset's code for an organisation: its slug, numbered when `taken` has it. */
export function datasetCodeFor(name: string, taken: ReadonlySet<string>): string {
  const slug = slugOf(name);
  if (!taken.has(slug)) return slug;
  for (let n = 1; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/**
 * The compare page's address for an indicator in a place (and a breakdown,
 * e.g. "status=projected"): the one URL rule every link to it uses.
 */
export function compareHref(indicator: string, region: string, key = ""): string {
  const params = new URLSearchParams({ indicator, region });
  if (key) params.set("key", key);
  return `/compare?${params.toString()}`;
}
