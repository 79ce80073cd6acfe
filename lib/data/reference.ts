// Regions and indicators: the reference data every view and import joins to.
import { cache } from "react";
import { db } from "../db/client";
import { cachedRead } from "./cache";

export interface RegionDto {
  pcode: string;
  level: number;
  name: { en: string; fr: string };
  parent: string | null;
}

export interface IndicatorDto {
  code: string;
  name: { en: string; fr: string };
  description: { en: string; fr: string };
  theme: string;
  unit: string;
  hxl: string;
  aggregation: { regions: string; time: string };
  disaggregation: string;
}

export async function listRegions(): Promise<RegionDto[]> {
  const rows = await db().region.findMany({
    orderBy: [{ level: "asc" }, { pcode: "asc" }],
    include: { parent: { select: { pcode: true } } },
  });
  return rows.map((r) => ({
    pcode: r.pcode,
    level: r.level,
    name: { en: r.nameEn, fr: r.nameFr },
    parent: r.parent?.pcode ?? null,
  }));
}

export async function listIndicators(): Promise<IndicatorDto[]> {
  const rows = await db().indicator.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map((i) => ({
    code: i.code,
    name: { en: i.nameEn, fr: i.nameFr },
    description: { en: i.descriptionEn, fr: i.descriptionFr },
    theme: i.theme,
    unit: i.unit,
    hxl: i.hxl,
    aggregation: { regions: i.spatialAggregation, time: i.temporalAggregation },
    disaggregation: i.disaggregation,
  }));
}

/** The codes among `codes` that do not exist, to name them in a 400. */
export async function unknownIndicatorCodes(codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await db().indicator.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const known = new Set(found.map((f) => f.code));
  return codes.filter((c) => !known.has(c));
}

export async function unknownRegionCodes(pcodes: string[]): Promise<string[]> {
  if (!pcodes.length) return [];
  const found = await db().region.findMany({ where: { pcode: { in: pcodes } }, select: { pcode: true } });
  const known = new Set(found.map((f) => f.pcode));
  return pcodes.filter((c) => !known.has(c));
}

/** Regions and indicators by code, read once per request (React cache). */
export const regionIndex = cache(() => cachedRead("regions", async () => new Map((await listRegions()).map((r) => [r.pcode, r])), "structure"));
export const indicatorIndex = cache(() => cachedRead("indicators", async () => new Map((await listIndicators()).map((i) => [i.code, i])), "structure"));
