// GET /api/v1/figures without the HTTP wrapper, so integration tests can call
// it against a real database: parse, check codes exist, query, shape.
import { listFigures, type FigureDto } from "../data/figures";
import type { Visibility } from "../auth/visibility";
import { datasetCatalogue } from "../data/datasets";
import { unknownIndicatorCodes, unknownRegionCodes } from "../data/reference";
import { toIsoDate } from "../domain/dates";
import { parseFiguresQuery, type FiguresQuery } from "../validation/figures-query";

export interface ParameterError {
  error: { code: "invalid_parameter"; parameter: string; message: string };
}

export interface FiguresPage {
  data: FigureDto[];
  meta: {
    total: number;
    count: number;
    limit: number;
    offset: number;
    nextOffset: number | null;
    filters: { indicator: string[]; region: string[]; dataset: string[]; from: string | null; to: string | null; q: string | null; changedBy: number | null; status: string[] };
  };
}

function invalid(parameter: string, message: string): { status: 400; body: ParameterError } {
  return { status: 400, body: { error: { code: "invalid_parameter", parameter, message } } };
}

/** The filters, parsed and checked against the codes that exist (shared with the exports). */
export async function checkedFiguresQuery(params: URLSearchParams): Promise<{ ok: true; query: FiguresQuery } | { ok: false; status: 400; body: ParameterError }> {
  const parsed = parseFiguresQuery(params);
  if (!parsed.ok) return { ok: false, ...invalid(parsed.parameter, parsed.message) };
  const query = parsed.value;
  const badIndicators = await unknownIndicatorCodes(query.indicator);
  if (badIndicators.length) return { ok: false, ...invalid("indicator", `unknown indicator: ${badIndicators.join(", ")}`) };
  const badRegions = await unknownRegionCodes(query.region);
  if (badRegions.length) return { ok: false, ...invalid("region", `unknown region: ${badRegions.join(", ")}`) };
  const known = (await datasetCatalogue()).byCode;
  const badDatasets = query.dataset.filter((code) => !known.has(code));
  if (badDatasets.length) return { ok: false, ...invalid("dataset", `unknown dataset: ${badDatasets.join(", ")}`) };
  return { ok: true, query };
}

export function filtersOf(query: FiguresQuery): FiguresPage["meta"]["filters"] {
  return { indicator: query.indicator, region: query.region, dataset: query.dataset, from: query.from ? toIsoDate(query.from) : null, to: query.to ? toIsoDate(query.to) : null, q: query.q ?? null, changedBy: query.changedBy ?? null, status: query.status };
}

/** The figures `v` may read that match the filters (status= among them: always within what `v` may see). */
export async function figuresEndpoint(v: Visibility, params: URLSearchParams): Promise<{ status: 200; body: FiguresPage } | { status: 400; body: ParameterError }> {
  const checked = await checkedFiguresQuery(params);
  if (!checked.ok) return checked;
  const { query } = checked;

  const { data, total } = await listFigures(v, query);
  const end = query.offset + data.length;
  return {
    status: 200,
    body: {
      data,
      meta: {
        total,
        count: data.length,
        limit: query.limit,
        offset: query.offset,
        nextOffset: end < total ? end : null,
        filters: filtersOf(query),
      },
    },
  };
}
