// Matching a file's region to a P-code: OCHA codes (ML05) and IOM's (MLI05),
// padded with spaces or not, or names written with or without accents and
// in their known variants. No match is an error for that row, never a drop.
export interface RegionRef {
  pcode: string;
  level: number;
  nameEn: string;
  nameFr: string;
  /** The parent's P-code (regions.json has it), to tell apart areas of the same name. */
  parent?: string | null;
}

export type RegionMatch = { ok: true; pcode: string } | { ok: false; reason: string };

/** IOM writes MLI05 / MLI0501 for OCHA's ML05 / ML0501; some files pad codes with spaces. */
export function normalisePcode(code: string): string {
  const compact = code.replace(/\s+/g, "").toUpperCase();
  const iom = /^MLI(\d{2}(\d{2})?)$/.exec(compact);
  if (iom) return `ML${iom[1]}`;
  if (compact === "MLI" || compact === "MALI") return "ML";
  return compact;
}

/** Accents, case, spaces, hyphens and apostrophes aside: "Gourma-Rharous" = "gourma rharous". */
export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-'’_.]+/g, "");
}

/** Spellings met in published files (DOMAIN.md, SOURCES.md) → the spelling of regions.json. */
const VARIANTS: Record<string, string> = {
  koulikouro: "koulikoro",
  timbouctou: "tombouctou",
  tombuctu: "tombouctou",
  bamakodistrict: "bamako",
  districtdebamako: "bamako",
};

const LEVEL_NAMES = ["country", "region", "cercle"];
const levelName = (level: number) => LEVEL_NAMES[level] ?? `level-${level} area`;

/** Why a code that is not in the list is not, when the shape tells. */
function unknownCodeReason(code: string, pcode: string): string {
  const base = `unknown region P-code "${code.trim()}"`;
  if (/^MLI\d{5,}$/.test(pcode)) return `${base}: an old IOM DTM code (MLI + 3-digit parts), not an OCHA P-code; map the file's region or cercle code column (MLI05, MLI0501) instead`;
  if (/^ML\d{6,}$/.test(pcode)) return `${base}: a commune (admin 3) P-code; figures are kept by region and cercle, so map the region or cercle code column instead`;
  return base;
}

export function createRegionMatcher(regions: RegionRef[]) {
  const codes = new Map(regions.map((r) => [r.pcode, r]));
  const names = new Map<string, RegionRef[]>();
  for (const r of regions) {
    for (const name of new Set([normaliseName(r.nameEn), normaliseName(r.nameFr)])) names.set(name, [...(names.get(name) ?? []), r]);
  }
  return {
    byCode(code: string, level?: number): RegionMatch {
      const pcode = normalisePcode(code);
      const region = codes.get(pcode);
      if (!region) return { ok: false, reason: unknownCodeReason(code, pcode) };
      if (level !== undefined && region.level !== level) return { ok: false, reason: `"${code.trim()}" is a ${levelName(region.level)}, not a ${levelName(level)}` };
      return { ok: true, pcode };
    },
    byName(name: string, level?: number, parentPcode?: string): RegionMatch {
      const key = normaliseName(name);
      const parent = parentPcode === undefined ? undefined : normalisePcode(parentPcode);
      const found = (names.get(VARIANTS[key] ?? key) ?? []).filter((r) => (level === undefined || r.level === level) && (parent === undefined || r.parent === parent));
      if (!found.length) {
        const what = `unknown ${level === undefined ? "region" : levelName(level)} name "${name.trim()}"${parent === undefined ? "" : ` in ${parent}`}`;
        const taoudenit = key.startsWith("taoudeni") ? ": Taoudénit has no area of its own here; its figures go under Tombouctou (ML06)" : "";
        return { ok: false, reason: `${what}${taoudenit}` };
      }
      // A region and its main cercle share a name (Mopti): without a level, the region.
      const top = Math.min(...found.map((r) => r.level));
      const best = found.filter((r) => r.level === top);
      if (best.length > 1) return { ok: false, reason: `"${name.trim()}" names ${best.length} areas (${best.map((r) => r.pcode).join(", ")}): use the P-code` };
      return { ok: true, pcode: (best[0] as RegionRef).pcode };
    },
  };
}

export type RegionMatcher = ReturnType<typeof createRegionMatcher>;
