// An import's unmet requirements and coverage, planned like its other figures
// (so the preview lists them, the commit writes them, a rollback undoes
// them): for every region, period and breakdown where the file brings a
// requirement or a funding amount, recomputed by the one rule
// (lib/domain/funding.ts) from the file's amount and the stored one it does
// not bring. A file's own unmet or coverage values are never stored as such.
// Derived from PUBLISHED stored figures only: nothing unreviewed leaks into them.
import { disaggregationKey } from "../domain/disaggregation";
import { deriveFunding, FUNDING_COVERAGE, FUNDING_FUNDED, FUNDING_REQUIRED, FUNDING_UNMET, isDerivedIndicator, isFundingInput } from "../domain/funding";
import type { Prisma } from "../generated/prisma/client";
import { toTenThousandths } from "../import/decimal";
import type { ImportSource, PlannedFigure } from "./imports";

type Tx = Prisma.TransactionClient;

interface Stored {
  indicator: string;
  group: string;
  value: string;
  source: ImportSource;
}

const groupOf = (f: Pick<PlannedFigure, "dataset" | "region" | "periodStart" | "periodEnd" | "disaggregation">) =>
  JSON.stringify([f.dataset, f.region, f.periodStart, f.periodEnd, disaggregationKey(f.disaggregation)]);

export async function withDerivedFunding(tx: Tx, figures: PlannedFigure[]): Promise<PlannedFigure[]> {
  const groups = new Map<string, Map<string, PlannedFigure>>();
  for (const f of figures) {
    if (!isFundingInput(f.indicator)) continue;
    const g = groupOf(f);
    groups.set(g, (groups.get(g) ?? new Map<string, PlannedFigure>()).set(f.indicator, f));
  }
  const kept = figures.filter((f) => !isDerivedIndicator(f.indicator));
  if (!groups.size) return kept;

  const keys = [...groups.keys()].map((g) => JSON.parse(g) as [string, string, string, string, string]);
  const rows = await tx.$queryRaw<{ dataset: string; indicator: string; region: string; start: string; end: string; key: string; value: string; source: ImportSource }[]>`
    SELECT g.dataset, i.code AS indicator, r.pcode AS region, to_char(f.period_start, 'YYYY-MM-DD') AS start, to_char(f.period_end, 'YYYY-MM-DD') AS "end",
           f.disaggregation_key AS key, f.value::text AS value,
           json_build_object('organisation', s.organisation, 'title', s.title, 'url', s.url, 'date', to_char(s.published_on, 'YYYY-MM-DD')) AS source
      FROM json_to_recordset(${JSON.stringify(keys.map(([dataset, region, start, end, key]) => ({ dataset, region, start, end, key })))}::json)
           AS g(dataset text, region text, start date, "end" date, key text)
      JOIN regions r ON r.pcode = g.region
      JOIN datasets d ON d.code = g.dataset
      JOIN figures f ON f.region_id = r.id AND f.period_start = g.start AND f.period_end = g."end" AND f.disaggregation_key = g.key AND f.dataset_id = d.id
                    AND f.status = 'published'
      JOIN indicators i ON i.id = f.indicator_id AND i.code IN (${FUNDING_REQUIRED}, ${FUNDING_FUNDED}, ${FUNDING_UNMET}, ${FUNDING_COVERAGE})
      JOIN sources s ON s.id = f.source_id`;
  const stored = new Map<string, Stored>();
  for (const r of rows) {
    const group = JSON.stringify([r.dataset, r.region, r.start, r.end, r.key]);
    stored.set(`${group}|${r.indicator}`, { indicator: r.indicator, group, value: r.value, source: r.source });
  }

  const derived: PlannedFigure[] = [];
  for (const [group, planned] of groups) {
    const input = (code: string) => planned.get(code)?.value ?? stored.get(`${group}|${code}`)?.value ?? null;
    const { unmet, coverage } = deriveFunding(input(FUNDING_REQUIRED), input(FUNDING_FUNDED));
    // The figure it follows, from the file: its breakdown, its lines and (for a changed value) its source.
    const basis = (planned.get(FUNDING_FUNDED) ?? planned.get(FUNDING_REQUIRED)) as PlannedFigure;
    const lines = [...new Set([...planned.values()].flatMap((f) => f.lines))].sort((a, b) => a - b);
    for (const [indicator, value] of [
      [FUNDING_UNMET, unmet],
      [FUNDING_COVERAGE, coverage],
    ] as const) {
      if (value === null) continue;
      const before = stored.get(`${group}|${indicator}`);
      // An unchanged value keeps its source, so importing a file again changes nothing.
      const same = before !== undefined && toTenThousandths(before.value) === toTenThousandths(value);
      derived.push({ ...basis, indicator, value, lines, note: null, source: same ? before.source : basis.source });
    }
  }
  return [...kept, ...derived];
}
