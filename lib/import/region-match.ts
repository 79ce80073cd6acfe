// Matching a file's region to a P-code: OCHA codes (ML05) and IOM's (MLI05),
// padded with spaces or not, or names written with or without accents and
// in their known variants. No match is an error for that row, never a drop.
export interface RegionRef {
  pcode: string;
  level: number;
  nameEn: string;
  nameFr: string;
}

export type RegionMatch = { ok: true; pcode: string } | { ok: false; reason: string };

/** IOM writes MLI05 / MLI0501 for OCHA's ML05 / ML0501. */
export function normalisePcode(code: string): string {
  const compact = code.replace(/\s+/g, "").toUpperCase();
  const iom = /^MLI(\d{2}(\d{2})?)$/.exec(compact);
  if (iom) return `ML${iom[1]}`;
  if (compact === "MLI" || compact === "MALI") return "ML";
  return compact;
}

export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-'’_.]+/g, "");
}

/** Spellings met in published files (DOMAIN.md, SOURCES.md) → the name we keep. */
const VARIANTS: Record<string, string> = {
  koulikouro: "koulikoro",
  timbuktu: "tombouctou",
  tombouctu: "tombouctou",
  menaka: "menaka",
  bamakodistrict: "bamako",
  districtdebamako: "bamako",
};

export function createRegionMatcher(regions: RegionRef[]) {
  const byCode = new Map(regions.map((r) => [r.pcode, r]));
  const byName = new Map<string, RegionRef[]>();
  for (const r of regions) {
    for (const name of new Set([normaliseName(r.nameEn), normaliseName(r.nameFr)])) byName.set(name, [...(byName.get(name) ?? []), r]);
  }
  return {
    byCode(code: string, level?: number): RegionMatch {
      const pcode = normalisePcode(code);
      const region = byCode.get(pcode);
      if (!region) {
        const hint = /^ML\d{3,}/.test(pcode) && !/^ML\d{2}(\d{2})?$/.test(pcode) ? " (old IOM code style, not an OCHA P-code)" : "";
        return { ok: false, reason: `unknown region P-code "${code.trim()}"${hint}` };
      }
      if (level !== undefined && region.level !== level) return { ok: false, reason: `"${code.trim()}" is not a level-${level} area` };
      return { ok: true, pcode };
    },
    byName(name: string, level?: number): RegionMatch {
      const key = normaliseName(name);
      if (key === "mali") return { ok: true, pcode: "ML" };
      const found = (byName.get(VARIANTS[key] ?? key) ?? []).filter((r) => level === undefined || r.level === level);
      // A region and its main cercle share a name (Mopti): prefer the region.
      const best = found.sort((a, b) => a.level - b.level)[0];
      if (best) return { ok: true, pcode: best.pcode };
      const taoudenit = key.startsWith("taoudeni") ? ": Taoudénit has no area of its own here; its figures go under Tombouctou (ML06)" : "";
      return { ok: false, reason: `unknown region name "${name.trim()}"${taoudenit}` };
    },
  };
}

export type RegionMatcher = ReturnType<typeof createRegionMatcher>;
