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

export interface Breakdown {
  phase?: number;
  status?: "current" | "projected";
  sector?: string;
}

/** The parts of a disaggregation key ("phase=3;status=projected", "sector=health"), the inverse of disaggregationKey. */
export function breakdownOf(key: string): Breakdown {
  const b: Breakdown = {};
  for (const part of key ? key.split(";") : []) {
    const at = part.indexOf("=");
    const name = part.slice(0, at);
    const value = part.slice(at + 1);
    if (name === "phase" && /^[1-5]$/.test(value)) b.phase = Number(value);
    else if (name === "status" && (value === "current" || value === "projected")) b.status = value;
    else if (name === "sector") b.sector = value;
  }
  return b;
}
