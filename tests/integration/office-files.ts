// Reading Office files (PowerPoint, Word) in tests: unzip with yauzl, then
// the few parts of their XML the tests compare with the API.
import yauzl from "yauzl";

/** Every entry of a zip file as text, by path. */
export function zipTexts(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("not a zip"));
      const out = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error("no stream"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(out));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

export const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text runs of a slide (<a:t>) or a Word document (<w:t>), in order. */
export function textRuns(xml: string, tag: "a:t" | "w:t"): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, "g"))].map((m) => unescapeXml(m[1]!));
}

export interface ChartSeriesXml {
  name: string;
  /** The series' fill or line colour (RRGGBB). */
  colour: string | null;
  /** The line's dash (solid, dash…), for line charts. */
  dash: string | null;
  categories: string[];
  /** null where the point is blank. */
  values: (number | null)[];
}

function points(xml: string): string[] {
  return [...xml.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>\s*<\/c:pt>/g)].map((m) => unescapeXml(m[2]!));
}

/** The series of a chart part (ppt/charts/chartN.xml): name, categories and cached values. */
export function chartSeries(xml: string): ChartSeriesXml[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => ({
    name: unescapeXml(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)?.[1] ?? ""),
    dash: /<c:spPr>[\s\S]*?<a:prstDash val="(\w+)"/.exec(ser!)?.[1] ?? null,
    colour: /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(ser!)?.[1]?.toUpperCase() ?? null,
    categories: points(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser!)?.[1] ?? ""),
    values: points(/<c:val>[\s\S]*?<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(ser!)?.[1] ?? "").map((v) => (v === "" ? null : Number(v))),
  }));
}

/** Word tables (<w:tbl>) as rows of cell texts. */
export function wordTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) =>
    [...tbl!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => [...tr!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => textRuns(tc!, "w:t").join(""))),
  );
}
