// A mapping read off a file's HXL tags: value columns whose tag is an
// indicator's, the region, the date, and CH phases and statuses.
import { parseTag, tagText, type Column, type Tag } from "./hxl";
import { importMappingSchema, mappingColumns, type Detected, type ImportMappingInput } from "./mapping";

export interface IndicatorTag {
  code: string;
  hxl: string;
}

export interface HxlOptions {
  /** Take the cercles (#adm2) even when the file has regions (#adm1). */
  level?: 1 | 2;
  /** The year the figures cover, for a file without a date column (HNO). */
  year?: number;
}

/**
 * "A number of individuals" is every people indicator's default: `+ind` and
 * `+num` say nothing more. `+total` neither (FTS writes funding as
 * #value+funding+total+usd, population files #population+total).
 */
const NEUTRAL = new Set(["ind", "num", "total"]);
const core = (tag: Tag) => `${tag.hashtag}+${tag.attributes.filter((a) => !NEUTRAL.has(a)).join("+")}`;
const has = (t: Tag, ...attributes: string[]) => attributes.every((a) => t.attributes.includes(a));
type Value = ImportMappingInput["values"][number];

/** Hashtags that never hold an indicator's value: listed apart when no column is an indicator's. */
const NOT_VALUES = new Set(["adm1", "adm2", "adm3", "country", "date", "meta", "status", "sector", "org", "loc", "geo"]);

const isCh = (tag: Tag) => tag.hashtag === "affected" && has(tag, "food") && (has(tag, "ch") || has(tag, "ipc"));

/** A Cadre Harmonisé / IPC column: #affected+food+ch+p3 (phase), +p3plus (phases 3–5), +projected / +current; not shares (+pct). */
function chValue(tag: Tag, column: string): Value | null {
  if (has(tag, "pct")) return null;
  const status = has(tag, "projected") ? { chStatus: "projected" as const } : has(tag, "current") ? { chStatus: "current" as const } : {};
  if (has(tag, "p3plus")) return { column, indicator: "ch_phase3plus", ...status };
  const phase = tag.attributes.map((a) => /^p([1-5])$/.exec(a)?.[1]).find(Boolean);
  return phase ? { column, indicator: "ch_population_by_phase", chPhase: Number(phase), ...status } : null;
}

/** The area columns, without those of an origin or destination (#adm1+name+origin). */
function area(columns: Column[], hashtag: string): { code?: Column; name?: Column } {
  const own = columns.filter((c) => c.tag?.hashtag === hashtag && !has(c.tag, "origin") && !has(c.tag, "dest"));
  return { code: own.find((c) => has(c.tag as Tag, "code")), name: own.find((c) => has(c.tag as Tag, "name")) };
}

export function mappingFromHxl(columns: Column[], indicators: IndicatorTag[], options: HxlOptions = {}): Detected {
  const ref = (c: Column) => tagText(c.tag as Tag);
  const tagged = columns.filter((c) => c.tag);
  const byCore = new Map(indicators.flatMap((i) => (parseTag(i.hxl) ? [[core(parseTag(i.hxl) as Tag), i.code] as const] : [])));
  const values: Value[] = [];
  const meanings = new Set<string>();
  for (const c of tagged) {
    const tag = c.tag as Tag;
    const code = byCore.get(core(tag));
    const value = isCh(tag) ? chValue(tag, ref(c)) : code ? { column: ref(c), indicator: code } : null;
    // One column per figure: a second one with the same meaning would be added to the first.
    const meaning = value && `${value.indicator}|${value.chPhase}|${value.chStatus}`;
    if (!value || !meaning || meanings.has(meaning)) continue;
    meanings.add(meaning);
    values.push(value);
  }
  if (!values.length) {
    // What the file has instead: its tags that are not an area, a date or metadata, and its malformed tag cells.
    const tags = [...tagged.filter((c) => !NOT_VALUES.has((c.tag as Tag).hashtag)).map(ref), ...columns.flatMap((c) => (c.invalidTag ? [c.invalidTag] : []))];
    const theirs = tags.length ? `; the file's are ${tags.join(", ")}` : "";
    return {
      name: null,
      reason: `no column has the HXL tag of a known indicator (e.g. #affected+idps+ind, #inneed, #value+funding+required+usd)${theirs}: say which indicator a column holds`,
      problem: { code: "no_indicator_tag", tags },
    };
  }

  const adm1 = area(tagged, "adm1");
  const adm2 = area(tagged, "adm2");
  const country = tagged.find((c) => c.tag?.hashtag === "country" && has(c.tag, "code") && !has(c.tag, "origin"));
  const level2 = options.level === 2 || (!adm1.code && !adm1.name);
  const place = level2 ? adm2 : adm1;
  if (options.level === 2 && !adm2.code && !adm2.name) {
    return { name: null, reason: "cercles were asked for, but no column is tagged #adm2+code or #adm2+name", problem: { code: "no_adm2_tag" } };
  }
  if (!place.code && !place.name && !country) {
    return { name: null, reason: "no region column (#adm1+code, #adm1+name, #adm2+code, #adm2+name) and no #country+code", problem: { code: "no_region_tag" } };
  }
  const region: ImportMappingInput["region"] =
    place.code || place.name
      ? { ...(place.code ? { code: ref(place.code) } : {}), ...(place.name ? { name: ref(place.name) } : {}), level: level2 ? 2 : 1 }
      : { fixed: "ML" };

  const dates = tagged.filter((c) => c.tag?.hashtag === "date");
  const dateWith = (a: string) => dates.find((c) => has(c.tag as Tag, a));
  const [start, end, year] = [dateWith("start"), dateWith("end"), dateWith("year")];
  const point = dates.find((c) => !["start", "end", "year"].some((a) => has(c.tag as Tag, a)));
  const period: ImportMappingInput["period"] | null =
    start && end ? { start: ref(start), end: ref(end) }
    : point ? { date: ref(point) }
    : year ? { year: ref(year) }
    : options.year ? { fixedStart: `${options.year}-01-01`, fixedEnd: `${options.year}-12-31` }
    : null;
  if (!period) {
    return { name: null, reason: "no date column (#date, #date+start and #date+end, or #date+year): say which column holds the date, or give the year the figures cover", problem: { code: "no_date_tag" } };
  }

  const status = tagged.find((c) => c.tag?.hashtag === "status" || (c.tag?.hashtag === "meta" && has(c.tag, "status")));
  if (!status && values.some((v) => v.indicator.startsWith("ch_") && !v.chStatus)) {
    return { name: null, reason: "the Cadre Harmonisé columns say neither +current nor +projected, and no #status column does", problem: { code: "no_ch_status" } };
  }
  const sector = tagged.find((c) => c.tag?.hashtag === "sector");
  const sourceMeta = (attribute?: string) =>
    tagged.find((c) => c.tag?.hashtag === "meta" && has(c.tag, "source") && (attribute ? has(c.tag, attribute) : !["title", "url", "date"].some((a) => has(c.tag as Tag, a))));
  const source = sourceMeta();
  const [sourceTitle, sourceUrl, sourceDate] = [sourceMeta("title"), sourceMeta("url"), sourceMeta("date")];
  const note = tagged.find((c) => c.tag?.hashtag === "meta" && has(c.tag, "comment"));
  const dataset = tagged.find((c) => c.tag?.hashtag === "meta" && has(c.tag, "dataset"));
  const indicatorsFound = new Set(values.map((v) => v.indicator));
  const mapping: ImportMappingInput = {
    region,
    period,
    values,
    ...(status ? { status: { column: ref(status) } } : {}),
    ...(sector ? { sector: { column: ref(sector) } } : {}),
    ...(source ? { source: { column: ref(source) } } : {}),
    ...(sourceTitle ? { sourceTitle: { column: ref(sourceTitle) } } : {}),
    ...(sourceUrl ? { sourceUrl: { column: ref(sourceUrl) } } : {}),
    ...(sourceDate ? { sourceDate: { column: ref(sourceDate) } } : {}),
    ...(note ? { note: { column: ref(note) } } : {}),
    ...(dataset ? { dataset: { column: ref(dataset) } } : {}),
    // A multi-country file: only Mali's rows; the others are listed as skipped.
    filters: country ? [{ anyOf: ["MLI", "ML"].map((code) => ({ column: ref(country), equals: code })), reason: "other country" }] : [],
    derive: indicatorsFound.has("funding_required") && indicatorsFound.has("funding_funded") ? ["funding"] : [],
  };
  // Ignored: tagged columns the mapping does not name, and repeats of a tag it names (only the first is read).
  const named = new Set(mappingColumns(importMappingSchema.parse(mapping)));
  const ignored = tagged
    .filter((c) => !named.has(ref(c)) || tagged.find((t) => ref(t) === ref(c)) !== c)
    .map((c) => (c.header === ref(c) ? c.header : `${c.header} (${ref(c)})`));
  return { name: "HXL tags", mapping, ignored };
}

/** What a column holds, as the import form's column mapping says it. */
export type ColumnRole = "regionCode" | "regionName" | "date" | "start" | "end" | "year" | `value:${string}`;

/**
 * The roles a file's tags already give, to start the column form with when
 * the tags alone are not enough (a date is missing, a tag is not an
 * indicator's): the user adds what is missing instead of mapping every column.
 * CH phase columns have no role there (the form has no phase).
 */
export function rolesFromHxl(columns: Column[], indicators: IndicatorTag[], options: HxlOptions = {}): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  const tagged = columns.filter((c) => c.tag);
  const byCore = new Map(indicators.flatMap((i) => (parseTag(i.hxl) ? [[core(parseTag(i.hxl) as Tag), i.code] as const] : [])));
  for (const c of tagged) {
    const code = byCore.get(core(c.tag as Tag));
    if (code && !isCh(c.tag as Tag) && ![...roles.values()].includes(`value:${code}`)) roles.set(c.index, `value:${code}`);
  }
  const adm1 = area(tagged, "adm1");
  const place = options.level === 2 || (!adm1.code && !adm1.name) ? area(tagged, "adm2") : adm1;
  if (place.code) roles.set(place.code.index, "regionCode");
  if (place.name) roles.set(place.name.index, "regionName");
  const dates = tagged.filter((c) => c.tag?.hashtag === "date");
  for (const role of ["start", "end", "year"] as const) {
    const found = dates.find((c) => has(c.tag as Tag, role));
    if (found) roles.set(found.index, role);
  }
  const point = dates.find((c) => !["start", "end", "year"].some((a) => has(c.tag as Tag, a)));
  if (point) roles.set(point.index, "date");
  return roles;
}
