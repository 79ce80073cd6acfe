// The dates a chart mixes, for its title: a ranking shows each region's
// latest figure, and regions are not all assessed on the same day.

export interface DateSpan {
  from: string;
  to: string;
}

/** The earliest and latest of `dates` (ISO); null when there are none. from === to when they are all one date. */
export function dateSpan(dates: readonly (string | null | undefined)[]): DateSpan | null {
  const present = dates.filter((d): d is string => !!d).sort();
  return present.length ? { from: present[0]!, to: present.at(-1)! } : null;
}
