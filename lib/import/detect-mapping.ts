// Choosing a mapping for a file: its HXL tags if it has them, else a built-in
// mapping when its header is a known publication's, else none (the user maps
// the columns in the preview, or passes a saved mapping).
import { parseTag, tagText, type Tag } from "./hxl";
import { BUILTIN_MAPPINGS } from "./builtin-mappings";
import type { Column, ImportMappingInput, TableLayout } from "./mapping";

export interface IndicatorTag {
  code: string;
  hxl: string;
}

export type Detected = { name: string; mapping: ImportMappingInput } | { name: null; reason: string };

/** Attributes that say "a number of individuals", the default of every people indicator. */
const NEUTRAL = new Set(["ind", "num", "total"]);

function core(tag: Tag): string {
  return `${tag.hashtag}+${tag.attributes.filter((a) => !NEUTRAL.has(a)).join("+")}`;
}

const find = (columns: Column[], test: (t: Tag) => boolean) => columns.find((c) => c.tag && test(c.tag));
const has = (t: Tag, ...attributes: string[]) => attributes.every((a) => t.attributes.includes(a));

/** An HXL mapping: columns whose tags match an indicator's tag (ignoring +ind/+num), regions, dates, sectors. */
export function mappingFromHxl(layout: TableLayout, indicators: IndicatorTag[], options: { level?: 1 | 2; year?: number } = {}): Detected {
  const cols = layout.columns;
  const values: ImportMappingInput["values"] = [];
  for (const c of cols) {
    if (!c.tag) continue;
    const ch = c.tag.hashtag === "affected" && has(c.tag, "food") && (has(c.tag, "ch") || has(c.tag, "ipc"));
    const phase = ch ? c.tag.attributes.map((a) => /^p([1-5])$/.exec(a)?.[1]).find(Boolean) : undefined;
    const status = has(c.tag, "projected") ? "projected" : has(c.tag, "current") ? "current" : undefined;
    const statusOf = status ? { chStatus: status as "current" | "projected" } : {};
    if (ch && has(c.tag, "p3plus")) values.push({ column: tagText(c.tag), indicator: "ch_phase3plus", ...statusOf });
    else if (phase) values.push({ column: tagText(c.tag), indicator: "ch_population_by_phase", chPhase: Number(phase), ...statusOf });
    else {
      const hit = indicators.find((i) => {
        const t = parseTag(i.hxl);
        return t && core(t) === core(c.tag as Tag);
      });
      if (hit) values.push({ column: tagText(c.tag), indicator: hit.code });
    }
  }
  if (!values.length) return { name: null, reason: "no column has the HXL tag of a known indicator (e.g. #affected+idps+ind, #inneed, #value+funding+required+usd)" };

  const adm1 = find(cols, (t) => t.hashtag === "adm1" && has(t, "code")) ?? find(cols, (t) => t.hashtag === "adm1" && has(t, "name"));
  const adm2 = find(cols, (t) => t.hashtag === "adm2" && has(t, "code")) ?? find(cols, (t) => t.hashtag === "adm2" && has(t, "name"));
  const country = find(cols, (t) => t.hashtag === "country" && has(t, "code"));
  const area = options.level === 2 ? adm2 : (adm1 ?? adm2);
  const region: ImportMappingInput["region"] = area
    ? { [area.tag && has(area.tag, "code") ? "code" : "name"]: tagText(area.tag as Tag), level: area === adm2 ? 2 : 1 }
    : country
      ? { fixed: "ML" }
      : { fixed: "" };
  if (!area && !country) return { name: null, reason: "no region column (#adm1+code, #adm1+name, #adm2+code) or #country+code" };

  const dates = cols.filter((c) => c.tag?.hashtag === "date");
  const start = dates.find((c) => has(c.tag as Tag, "start"));
  const end = dates.find((c) => has(c.tag as Tag, "end"));
  const year = dates.find((c) => has(c.tag as Tag, "year"));
  const point = dates.find((c) => !["start", "end", "year"].some((a) => has(c.tag as Tag, a)));
  const period: ImportMappingInput["period"] | null =
    start && end
      ? { start: tagText(start.tag as Tag), end: tagText(end.tag as Tag) }
      : point
        ? { date: tagText(point.tag as Tag) }
        : year
          ? { year: tagText(year.tag as Tag) }
          : options.year
            ? { fixedStart: `${options.year}-01-01`, fixedEnd: `${options.year}-12-31` }
            : null;
  if (!period) return { name: null, reason: "no date column (#date, #date+start and #date+end, or #date+year): give the year the figures cover" };

  const statusColumn = find(cols, (t) => t.hashtag === "status" || (t.hashtag === "meta" && has(t, "status")));
  const sector = find(cols, (t) => t.hashtag === "sector");
  const source = find(cols, (t) => t.hashtag === "meta" && has(t, "source"));
  const note = find(cols, (t) => t.hashtag === "meta" && has(t, "comment"));
  const tagged = (c: Column | undefined) => (c?.tag ? { column: tagText(c.tag) } : undefined);
  return {
    name: "HXL tags",
    mapping: {
      region,
      period,
      values,
      ...(statusColumn ? { status: tagged(statusColumn) } : {}),
      ...(sector ? { sector: tagged(sector) } : {}),
      ...(source ? { source: tagged(source) } : {}),
      ...(note ? { note: tagged(note) } : {}),
      // A multi-country file: only Mali's rows (the others are listed as skipped).
      filters: country ? [{ column: tagText(country.tag as Tag), matches: "^(MLI|ML)$" }] : [],
      derive: values.some((v) => v.indicator === "funding_required") ? ["funding"] : [],
    },
  };
}

/** HXL first, then the built-in mappings of known publications. */
export function detectMapping(layout: TableLayout, indicators: IndicatorTag[], options: { level?: 1 | 2; year?: number } = {}): Detected {
  const builtin = BUILTIN_MAPPINGS.find((b) => b.detect(layout.columns));
  // Some publications carry HXL tags that need the built-in filters (HNO: one row per sex and age).
  if (builtin?.overridesHxl || (builtin && !layout.hxl)) return builtin.build(options);
  if (layout.hxl) return mappingFromHxl(layout, indicators, options);
  return { name: null, reason: "the file has no HXL hashtag row and is not a known publication: map its columns" };
}
