// Events on a time-series chart: which fall within its dates, where each is
// drawn (a line on one day, a band over a period, cut to the chart's dates),
// and the rows the chart's date axis needs so that an event between two
// observations has a place of its own. Pure: the charts, their table view and
// the tests share it.
import { formatPeriod } from "./format";
import type { SeriesRow } from "./series";

/** An event as the charts and GET /api/v1/events carry it. */
export interface EventDto {
  id: number;
  title: string;
  titleFr: string | null;
  startDate: string;
  /** null: a one-day event. */
  endDate: string | null;
  /** A region's P-code; null: national. */
  region: string | null;
  sourceUrl: string;
  note: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a chart draws of one event. */
export interface EventMarker {
  id: number;
  /** In the reader's language. */
  title: string;
  startDate: string;
  endDate: string | null;
  region: string | null;
  sourceUrl: string;
  /** Where it is drawn: the day, or the period cut to the chart's dates. */
  x1: string;
  /** null: a line at x1; else a band from x1 to x2. */
  x2: string | null;
}

/** The title in the reader's language: the French one where there is one. */
export function eventTitle(event: Pick<EventDto, "title" | "titleFr">, locale: string): string {
  return locale === "fr" && event.titleFr ? event.titleFr : event.title;
}

/** An event's dates for the reader: "18/08/2020", or "09/01/2022 – 03/07/2022" for a period. */
export function eventDates(event: Pick<EventDto, "startDate" | "endDate">, locale: string): string {
  return formatPeriod(event.startDate, lastDay(event), locale);
}

/** "Title (18/08/2020)": a marker's tooltip and its exported label. */
export function eventLabel(marker: Pick<EventMarker, "title" | "startDate" | "endDate">, locale: string): string {
  return `${marker.title} (${eventDates(marker, locale)})`;
}

/** The last day of an event (its start for a one-day event). */
export const lastDay = (event: Pick<EventDto, "startDate" | "endDate">): string => event.endDate ?? event.startDate;

/** True when the event touches [from, to] (either bound open when absent). */
export function overlaps(event: Pick<EventDto, "startDate" | "endDate">, from?: string, to?: string): boolean {
  return (!from || lastDay(event) >= from) && (!to || event.startDate <= to);
}

/** The regions whose own events a chart of these places marks: each place's region (a cercle's parent), none for the country. */
export function eventRegionsOf(pcodes: readonly string[]): string[] {
  return [...new Set(pcodes.filter((p) => p.length >= 4).map((p) => p.slice(0, 4)))];
}

/**
 * Whether an event belongs on a chart of `regions` (P-codes; none: a national
 * chart): its own region's events and the national ones, which concern every region.
 */
export function concerns(event: Pick<EventDto, "region">, regions: readonly string[]): boolean {
  return event.region === null || regions.includes(event.region);
}

/**
 * The markers of the events within a chart whose rows run over `dates`
 * (YYYY-MM-DD): nothing outside the first and last date is drawn, and a
 * period running past either end is cut there. Ordered by start.
 */
export function eventMarkers(events: readonly EventDto[], dates: readonly string[], locale: string): EventMarker[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  return events
    .filter((e) => overlaps(e, first, last))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
    .map((e) => {
      const x1 = e.startDate < first ? first : e.startDate;
      const end = lastDay(e) > last ? last : lastDay(e);
      return { id: e.id, title: eventTitle(e, locale), startDate: e.startDate, endDate: e.endDate, region: e.region, sourceUrl: e.sourceUrl, x1, x2: e.endDate === null || end === x1 ? null : end };
    });
}

/**
 * The chart's rows with an empty row (every series null: "no data", never 0)
 * at each marker date that is not an observation date: the date axis is a
 * category axis, and a marker needs its date there to be drawn.
 */
export function rowsWithEventDates(rows: readonly SeriesRow[], markers: readonly EventMarker[]): SeriesRow[] {
  const have = new Set(rows.map((r) => r.date));
  const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== "date");
  const extra = [...new Set(markers.flatMap((m) => (m.x2 ? [m.x1, m.x2] : [m.x1])))].filter((d) => !have.has(d));
  const empty = (date: string): SeriesRow => Object.fromEntries([["date", date], ...keys.map((k) => [k, null])]) as SeriesRow;
  return [...rows, ...extra.map(empty)].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The markers on a chart of one bar per year (`years`, e.g. "2022"): an event
 * sits on its year's bar, a period spans the bars of its years; only years
 * the chart has are drawn on (its axis has no place for the others).
 */
export function yearMarkers(events: readonly EventDto[], years: readonly string[], locale: string): EventMarker[] {
  if (years.length === 0) return [];
  const sorted = [...years].sort();
  const markers = eventMarkers(events, [`${sorted[0]}-01-01`, `${sorted.at(-1)}-12-31`], locale);
  return markers.flatMap((m) => {
    const covered = sorted.filter((y) => y >= m.x1.slice(0, 4) && y <= (m.x2 ?? m.x1).slice(0, 4));
    return covered.length ? [{ ...m, x1: covered[0]!, x2: covered.length > 1 ? covered.at(-1)! : null }] : [];
  });
}
