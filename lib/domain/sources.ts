// A chart's source line: one entry per organisation, its latest publication
// and how many of its publications the chart uses. Grouped on the server so
// pages do not ship every title (a CH trend cites some twenty analyses).
export interface SourceRef {
  organisation: string;
  title: string;
  url: string;
  date: string;
}

export interface SourceSummary extends SourceRef {
  /** Publications of this organisation behind the chart; the others are older. */
  count: number;
}

export function summariseSources(sources: SourceRef[]): SourceSummary[] {
  const groups = new Map<string, SourceSummary>();
  for (const s of sources) {
    const seen = groups.get(s.organisation);
    if (!seen) groups.set(s.organisation, { ...s, count: 1 });
    else {
      const latest = s.date > seen.date ? s : seen;
      groups.set(s.organisation, { organisation: s.organisation, title: latest.title, url: latest.url, date: latest.date, count: seen.count + 1 });
    }
  }
  return [...groups.values()].sort((a, b) => b.date.localeCompare(a.date) || a.organisation.localeCompare(b.organisation));
}
