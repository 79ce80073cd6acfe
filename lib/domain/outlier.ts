// A new figure far from the previous one of its series is more often a typo
// (an extra or a missing zero, households entered as people) than news: the
// form asks the analyst to confirm it, the API saves it with a warning.
export const OUTLIER_FACTOR = 3;

export type OutlierChange = "rise" | "fall";

/**
 * "rise" when `value` is more than OUTLIER_FACTOR times a positive previous
 * value, "fall" when it is less than a third of it; else null.
 */
export function outlierChange(value: number, previous: number | null | undefined): OutlierChange | null {
  if (previous === null || previous === undefined || previous <= 0) return null;
  if (value > OUTLIER_FACTOR * previous) return "rise";
  if (value * OUTLIER_FACTOR < previous) return "fall";
  return null;
}
