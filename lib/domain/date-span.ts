// The dates a chart mixes, for its title: a ranking shows each region's
// latest figure, and regions are not all assessed on the same day.

export interface DateSpan {
  from: string;
  to: string;
}

/** The earliest and latest of `dates` (ISO); null when there are none. from === to when they are all one date. */
export function dateSpan(dates: readonly (string | null | undefined)[]): DateSpan | null {
  let span: DateSpan | null = null;
  for (const d of dates) {
    if (!d) continue;
    span = span ? { from: d < span.from ? d : span.from, to: d > span.to ? d : span.to } : { from: d, to: d };
  }
  return span;
}
