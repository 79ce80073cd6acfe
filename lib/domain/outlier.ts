// A new figure far above the previous one of its series is more often a typo
// (an extra zero, households entered as people) than news: the form asks the
// analyst to confirm it.
export const OUTLIER_FACTOR = 3;

/** True when `value` is more than OUTLIER_FACTOR times a positive previous value. */
export function isOutlier(value: number, previous: number | null | undefined): boolean {
  return previous !== null && previous !== undefined && previous > 0 && value > OUTLIER_FACTOR * previous;
}
