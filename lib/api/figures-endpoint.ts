// GET /api/v1/figures without the HTTP wrapper, so integration tests can call
// it against a real database: parse, check codes exist, query, shape.
import { listFigures, type FigureDto } from "../data/figures";
import { unknownIndicatorCodes, unknownRegionCodes } from "../data/reference";
import { toIsoDate } from "../domain/dates";
import { parseFiguresQuery } from "../validation/figures-query";

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
    filters: { indicator: string[]; region: string[]; from: string | null; to: string | null };
  };
}

function invalid(parameter: string, message: string): { status: 400; body: ParameterError } {
  return { status: 400, body: { error: { code: "invalid_parameter", parameter, message } } };
}

export async function figuresEndpoint(params: URLSearchParams): Promise<{ status: 200; body: FiguresPage } | { status: 400; body: ParameterError }> {
  const parsed = parseFiguresQuery(params);
  if (!parsed.ok) return invalid(parsed.parameter, parsed.message);
  const query = parsed.value;
  const badIndicators = await unknownIndicatorCodes(query.indicator);
  if (badIndicators.length) return invalid("indicator", `unknown indicator: ${badIndicators.join(", ")}`);
  const badRegions = await unknownRegionCodes(query.region);
  if (badRegions.length) return invalid("region", `unknown region: ${badRegions.join(", ")}`);

  const { data, total } = await listFigures(query);
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
        filters: {
          indicator: query.indicator,
          region: query.region,
          from: query.from ? toIsoDate(query.from) : null,
          to: query.to ? toIsoDate(query.to) : null,
        },
      },
    },
  };
}
