// A figure's disaggregation: Cadre Harmonisé phase and status, or a sector.
// The canonical key lets the database's unique constraint treat "none" as one
// value (NULL columns would never collide).
export type ChStatus = "current" | "projected";

export interface Disaggregation {
  chPhase?: number;
  chStatus?: ChStatus;
  sector?: string;
}

export function disaggregationKey(d: Disaggregation | null | undefined): string {
  if (!d) return "";
  const parts: string[] = [];
  if (d.chPhase !== undefined) parts.push(`phase=${d.chPhase}`);
  if (d.chStatus !== undefined) parts.push(`status=${d.chStatus}`);
  if (d.sector !== undefined) parts.push(`sector=${d.sector.trim().toLowerCase()}`);
  return parts.join(";");
}

/** The API's view of the disaggregation columns: null when there is none. */
export function toDisaggregation(row: {
  chPhase: number | null;
  chStatus: ChStatus | null;
  sector: string | null;
}): Disaggregation | null {
  const d: Disaggregation = {};
  if (row.chPhase !== null) d.chPhase = row.chPhase;
  if (row.chStatus !== null) d.chStatus = row.chStatus;
  if (row.sector !== null) d.sector = row.sector;
  return Object.keys(d).length ? d : null;
}
