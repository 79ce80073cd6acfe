// GET /api/v1/sitrep.pptx and .docx, the real route handlers against the
// seeded data: the files are unzipped and their XML read. Every chart of the
// deck is a native chart whose series values are the API's figures (one
// dataset per series, named on the slide), each chart slide has its source
// line and "data as of", and the language is the one asked for. The Word
// document holds the key figures, each chart's figures as a table and the
// sources with their addresses.
import { PUBLISHED_ONLY } from "../../lib/auth/visibility";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "./test-database";
import { anonymous, asToken } from "./fake-request";
import { chartSeries, textRuns, wordTables, zipTexts, type ChartSeriesXml } from "./office-files";
import { migrate } from "../../lib/db/migrate";
import { disconnectDb, db } from "../../lib/db/client";
import { seed } from "../../lib/data/seed";
import { createUser } from "../../lib/data/users";
import { createApiToken, createToken, resetPassword } from "../../lib/data/user-admin";
import { figuresEndpoint } from "../../lib/api/figures-endpoint";
import type { FigureDto } from "../../lib/data/figures";
import { formatDate, formatValue } from "../../lib/domain/format";
import { CATEGORICAL, FUNDING_COLOURS } from "../../lib/domain/colour-scale";
import { listEvents } from "../../lib/data/events";
import { eventDates, eventTitle, overlaps } from "../../lib/domain/events";
import { GET as pptxRoute } from "../../app/api/v1/sitrep.pptx/route";
import { GET as docxRoute } from "../../app/api/v1/sitrep.docx/route";

vi.mock("next/headers", async () => (await import("./fake-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("./fake-request")).nextCache);

let token: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.DATABASE_URL = await createTestDatabase("sitrep");
  await migrate(process.env.DATABASE_URL);
  await seed({ demoUsers: false });
  await createUser({ email: "writer@test.org", role: "viewer", password: "writer-long-password" });
  token = await createApiToken("writer@test.org", "sitrep", 1);
});

afterAll(async () => {
  await disconnectDb();
});

type Route = typeof pptxRoute;
/** A French chart category ("30/09/2021") back to ISO. */
const isoOf = (fr: string) => fr.split("/").reverse().join("-");
const get = (route: Route, format: string, query: string) => route(new Request(`http://localhost/api/v1/sitrep.${format}?${query}`), {});

async function api(query: string): Promise<FigureDto[]> {
  const res = await figuresEndpoint(PUBLISHED_ONLY, new URLSearchParams(`${query}&limit=50000`));
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.data;
}

async function download(route: Route, format: "pptx" | "docx", query: string) {
  asToken(token);
  const res = await get(route, format, query);
  expect(res.status, await res.clone().text().catch(() => "")).toBe(200);
  return { res, files: await zipTexts(Buffer.from(await res.arrayBuffer())) };
}

/** Slide number → its texts and the chart part it holds (through the slide's relationships). */
function slides(files: Map<string, string>) {
  const out: { texts: string[]; chart: ChartSeriesXml[] | null }[] = [];
  for (let n = 1; files.has(`ppt/slides/slide${n}.xml`); n++) {
    const rels = files.get(`ppt/slides/_rels/slide${n}.xml.rels`) ?? "";
    const target = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
    out.push({ texts: textRuns(files.get(`ppt/slides/slide${n}.xml`)!, "a:t"), chart: target ? chartSeries(files.get(`ppt/charts/${target}`)!) : null });
  }
  return out;
}

/**
 * Each point of `series` is one figure of the API, matched on its date; all of
 * one dataset, and every figure of that dataset is drawn. Returns the dataset's name.
 */
function expectSeriesFromApi(series: ChartSeriesXml, figures: FigureDto[], locale: "en" | "fr"): string {
  const drawn = series.categories.flatMap((c, i) => (series.values[i] === null ? [] : [{ date: c, value: series.values[i] }]));
  expect(drawn.length).toBeGreaterThan(0);
  const datasets = new Set(figures.map((f) => f.dataset.code));
  const matching = [...datasets].filter((code) => {
    const own = figures.filter((f) => f.dataset.code === code);
    return own.length === drawn.length && drawn.every((p) => own.some((f) => formatDate(f.periodEnd, locale) === p.date && f.value === p.value));
  });
  expect(matching, `${series.name}: ${JSON.stringify(drawn)}`).toHaveLength(1);
  return figures.find((f) => f.dataset.code === matching[0])!.dataset.name;
}

describe("sitrep PowerPoint", () => {
  it("Mopti in English: native charts with the API's values, source lines, data as of, key figures and sources", async () => {
    const { res, files } = await download(pptxRoute, "pptx", "region=ML05&locale=en");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="sitrep_mopti_en_\d{4}-\d{2}-\d{2}\.pptx"$/);
    const deck = slides(files);
    expect(deck[0]!.texts).toContain("Situation snapshot: Mopti");
    expect(deck[0]!.texts.join(" ")).toMatch(/Data as of \d/);

    // Key figures: the API's latest IDP figure for Mopti, with its dataset and date.
    const idps = await api("indicator=idps&region=ML05");
    expect(deck[1]!.texts).toContain("Key figures");
    const charts = deck.filter((s) => s.chart);
    expect(charts.map((s) => s.texts[0])).toEqual(["IDPs in Mopti over time", "People in Cadre Harmonisé phase 3+ in Mopti", "Response plan funding for Mali, by year", "IDPs by region"]);

    // IDPs: one series, the preferred dataset's figures, named on the slide.
    const [idpSlide, chSlide, fundingSlide, mapSlide] = charts;
    const idpSeries = idpSlide!.chart!;
    expect(idpSeries.map((s) => s.name)).toEqual(["Mopti"]);
    const idpDataset = expectSeriesFromApi(idpSeries[0]!, idps.filter((f) => f.disaggregation === null), "en");
    const latest = idps.filter((f) => f.dataset.name === idpDataset && f.disaggregation === null).at(-1)!;
    expect(deck[1]!.texts).toContain(formatValue(latest.value, "people", "en"));

    // CH phase 3+: current and projected, each from the API's figures of its status.
    const ch = await api("indicator=ch_phase3plus&region=ML05");
    expect(chSlide!.chart!.map((s) => s.name)).toEqual(["Current", "Projected"]);
    // The app's colours: the snapshot's CH lines, Funded/Unmet.
    const hex = (c: string) => c.slice(1).toUpperCase();
    expect(chSlide!.chart!.map((s) => s.colour)).toEqual([hex(CATEGORICAL[5]), hex(CATEGORICAL[0])]);
    expect(chSlide!.chart!.map((s) => s.dash), "projected dashed, as in the app").toEqual(["solid", "dash"]);
    expect(fundingSlide!.chart!.map((s) => s.colour)).toEqual([hex(FUNDING_COLOURS.funded), hex(FUNDING_COLOURS.unmet)]);
    expectSeriesFromApi(chSlide!.chart![0]!, ch.filter((f) => f.disaggregation?.chStatus === "current"), "en");
    expectSeriesFromApi(chSlide!.chart![1]!, ch.filter((f) => f.disaggregation?.chStatus === "projected"), "en");

    // Funding: funded as stored per plan year, unmet = requirement - funding (not below 0), stacked.
    const required = await api("indicator=funding_required&region=ML");
    const funded = await api("indicator=funding_funded&region=ML");
    const [fundedSeries, unmetSeries] = fundingSlide!.chart!;
    expect([fundedSeries!.name, unmetSeries!.name]).toEqual(["Funded", "Unmet"]);
    expect(fundedSeries!.categories).toEqual([...new Set(required.map((f) => f.periodStart.slice(0, 4)))].sort());
    fundedSeries!.categories.forEach((year, i) => {
      const r = required.find((f) => f.periodStart.startsWith(year))!.value;
      const f = funded.find((x) => x.periodStart.startsWith(year))?.value ?? null;
      expect(fundedSeries!.values[i], year).toBe(f);
      expect(unmetSeries!.values[i], year).toBe(f === null ? null : Math.max(0, r - f));
    });

    // IDPs by region: each bar is that region's API figure.
    const regional = await api("indicator=idps&region=ML01,ML02,ML03,ML04,ML05,ML06,ML07,ML08,ML09,ML10");
    const names = new Map((await db().region.findMany({ where: { level: 1 } })).map((r) => [r.nameEn, r.pcode]));
    const [bars] = mapSlide!.chart!;
    expect(bars!.categories.length).toBeGreaterThan(5);
    bars!.categories.forEach((name, i) => expect(regional.some((f) => f.region === names.get(name) && f.value === bars!.values[i] && f.disaggregation === null), name).toBe(true));

    // Every chart slide: its source line (organisation and dataset) and "data as of".
    for (const slide of charts) {
      const text = slide.texts.join(" ");
      expect(text, slide.texts[0]).toMatch(/Source: .+\(.+\d{4}\)/);
      expect(text, slide.texts[0]).toMatch(/Dataset: /);
      expect(text, slide.texts[0]).toMatch(/Data as of \d/);
    }
    expect(idpSlide!.texts.join(" ")).toContain(`Dataset: ${idpDataset}.`);
    expect(idpSlide!.texts.join(" ")).toContain(latest.source.organisation);

    // Sources, with addresses.
    const last = deck.at(-1)!;
    expect(last.texts[0]).toBe("Sources");
    expect(last.texts.join(" ")).toContain(latest.source.organisation);
    expect(files.get(`ppt/slides/_rels/slide${deck.length}.xml.rels`)).toMatch(/TargetMode="External"/);
    // The chart's data travels with it (an embedded workbook PowerPoint edits).
    expect([...files.keys()].some((k) => /^ppt\/embeddings\/.+\.xlsx$/.test(k))).toBe(true);
  });

  it("in French: French words and number formats, none of the English headings; same numbers", async () => {
    const [{ files: fr }, { files: en }] = [await download(pptxRoute, "pptx", "region=ML05&locale=fr"), await download(pptxRoute, "pptx", "region=ML05&locale=en")];
    const deck = slides(fr);
    const all = deck.flatMap((s) => s.texts).join("\n");
    for (const word of ["Point de situation\u202f: Mopti", "Chiffres clés", "Données au", "Source\u202f:", "Jeu de données\u202f:", "Personnes déplacées par région"]) expect(all).toContain(word);
    for (const word of ["Key figures", "Data as of", "Source:", "Dataset:", "IDPs by region", "Situation snapshot"]) expect(all).not.toContain(word);
    const charts = deck.filter((s) => s.chart);
    expect(charts[1]!.chart!.map((s) => s.name)).toEqual(["Courant", "Projeté"]);
    expect(charts[2]!.chart!.map((s) => s.name)).toEqual(["Financé", "Non couvert"]);
    // Numbers in text in French style (narrow no-break space between thousands); chart values stay numbers.
    expect(deck[1]!.texts.some((t) => /^\d{1,3}(\u202f\d{3})+$/.test(t))).toBe(true);
    const values = (d: typeof deck) => d.filter((s) => s.chart).map((s) => s.chart!.map((c) => c.values));
    expect(values(deck)).toEqual(values(slides(en)));
  });

  it("the country (no region) draws the national series", async () => {
    const { files } = await download(pptxRoute, "pptx", "locale=en");
    const deck = slides(files);
    expect(deck[0]!.texts).toContain("Situation snapshot: Mali");
    const national = await api("indicator=idps&region=ML");
    expectSeriesFromApi(deck.find((s) => s.chart)!.chart![0]!, national.filter((f) => f.disaggregation === null), "en");
  });

  it("lists under each chart the events within its dates, as the events API gives them (national events on the national IDP chart)", async () => {
    const { files } = await download(pptxRoute, "pptx", "locale=fr");
    const idpSlide = slides(files).find((s) => s.chart)!;
    const dates = idpSlide.chart![0]!.categories;
    expect(dates.length).toBeGreaterThan(1);
    const national = (await listEvents({ region: "ML" })).filter((e) => overlaps(e, isoOf(dates[0]!), isoOf(dates.at(-1)!)));
    // The seed's coups of 2020 and 2021 fall within DTM's rounds (2012–2021+).
    expect(national.map((e) => e.startDate)).toEqual(expect.arrayContaining(["2020-08-18", "2021-05-24"]));
    const line = idpSlide.texts.find((t) => t.startsWith("Événements"));
    expect(line).toBeDefined();
    for (const e of national) expect(line).toContain(`${eventTitle(e, "fr")} (${eventDates(e, "fr")})`);
    expect(line!.split(" · ")).toHaveLength(national.length);
  });
});

describe("sitrep Word", () => {
  it("Mopti in French: key figures, each chart's figures as a table, chart pictures, sources with addresses", async () => {
    const { res, files } = await download(docxRoute, "docx", "region=ML05&locale=fr");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="sitrep_mopti_fr_\d{4}-\d{2}-\d{2}\.docx"$/);
    const xml = files.get("word/document.xml")!;
    const text = textRuns(xml, "w:t").join("\n");
    for (const word of ["Point de situation\u202f: Mopti", "Chiffres clés", "Données au", "Sources", "Personnes déplacées par région"]) expect(text).toContain(word);
    for (const word of ["Key figures", "Data as of", "Dataset:", "IDPs by region"]) expect(text).not.toContain(word);
    expect(files.get("word/styles.xml")!.includes('<w:lang w:val="fr-FR"/>'), "the document's language").toBe(true);

    const [keyFigures, idpTable, chTable, fundingTable, mapTable] = wordTables(xml);
    const idps = (await api("indicator=idps&region=ML05")).filter((f) => f.disaggregation === null);
    // Key figures: label, value in French style, period, dataset and source.
    const idpRow = keyFigures!.find((r) => r[0]!.startsWith("Personnes déplacées internes"))!;
    const latest = idps.find((f) => formatValue(f.value, "people", "fr") === idpRow[1] && formatDate(f.periodEnd, "fr") === idpRow[2]);
    expect(latest, JSON.stringify(idpRow)).toBeDefined();
    expect(idpRow[3]).toContain(latest!.dataset.name);
    expect(idpRow[3]).toContain(latest!.source.organisation);

    // The IDP table: every row a figure of the API (date and value), one dataset.
    expect(idpTable![0]).toEqual(["Date", "Mopti"]);
    const rows = idpTable!.slice(1);
    const dataset = latest!.dataset.code;
    expect(rows).toEqual(idps.filter((f) => f.dataset.code === dataset).map((f) => [formatDate(f.periodEnd, "fr"), formatValue(f.value, "people", "fr")]));
    expect(chTable![0]).toEqual(["Période", "Courant", "Projeté"]);
    expect(fundingTable![0]).toEqual(["Année", "Requis", "Financé", "Non couvert", "Couverture"]);

    // IDPs by region: (region, value, date) as the API has them.
    const regional = await api("indicator=idps&region=ML01,ML02,ML03,ML04,ML05,ML06,ML07,ML08,ML09,ML10");
    const names = new Map((await db().region.findMany({ where: { level: 1 } })).map((r) => [r.nameFr, r.pcode]));
    for (const [name, value, date] of mapTable!.slice(1)) {
      expect(regional.some((f) => f.region === names.get(name!) && formatValue(f.value, "people", "fr") === value && formatDate(f.periodEnd, "fr") === date), `${name} ${value} ${date}`).toBe(true);
    }

    // Three chart pictures (the map is its table), PNG.
    const images = [...files.keys()].filter((k) => k.startsWith("word/media/"));
    expect(images).toHaveLength(3);
    expect(text).toContain("Source\u202f:");
    expect(files.get("word/_rels/document.xml.rels")).toContain(latest!.source.url);
  });
});

describe("sitrep refusals", () => {
  it.each([
    ["region=ML99&locale=en", "region"],
    ["region=ML0501&locale=en", "cercles"],
    ["region=nope", "P-code"],
    ["region=ML05&locale=de", "locale"],
    ["region=ML05&format=pdf", "unknown parameter"],
  ])("%s is a 400 naming the problem, for both files", async (query, words) => {
    asToken(token);
    for (const [route, format] of [[pptxRoute, "pptx"], [docxRoute, "docx"]] as const) {
      const res = await get(route, format, query);
      expect(res.status, `${format} ${query}`).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_parameter", message: expect.stringContaining(words) } });
    }
  });

  it("401 without credentials, 403 until a reset password is changed (as the PDF)", async () => {
    anonymous();
    for (const [route, format] of [[pptxRoute, "pptx"], [docxRoute, "docx"]] as const) expect((await get(route, format, "region=ML05")).status).toBe(401);
    const admin = await createUser({ email: "admin@test.org", role: "admin", password: "admin-long-password-1" });
    const user = await createUser({ email: "reset@test.org", role: "analyst", password: "reset-long-password" });
    await resetPassword(user.id, "temporary-password-1", admin);
    asToken(await createToken(user.id, "console", 1, null));
    for (const [route, format] of [[pptxRoute, "pptx"], [docxRoute, "docx"]] as const) {
      const res = await get(route, format, "region=ML05");
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "password_change_required" } });
    }
  });

  it("each download is in the audit log", async () => {
    const events = await db().auditEvent.findMany({ where: { action: { in: ["export.pptx", "export.docx"] } } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["export.pptx", "export.docx"]));
    expect(events.find((e) => e.action === "export.docx")).toMatchObject({ entity: "snapshot", entityId: "ML05", after: { locale: "fr" } });
  });
});
