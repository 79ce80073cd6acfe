import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { cli, logIn } from "./helpers";
import { pdfLinks, pdfPages } from "./pdf-text";

async function exportChart(page: Page, chart: string, format: "PNG" | "SVG" | "CSV" | "CSV (French Excel)") {
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await figure.getByRole("button", { name: "Export" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("menuitem", { name: format, exact: true }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test.describe("exports", () => {
  test("a chart exports as a 2× PNG and a self-contained SVG holding its title and source, and as CSV", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/displacement?region=ML05&region=ML06");
    const figure = page.locator('figure[data-chart="idps-by-region"]');
    await expect(figure.locator(".chart-body svg").first()).toBeVisible();
    const title = (await figure.locator("figcaption").textContent())!;

    const png = await exportChart(page, "idps-by-region", "PNG");
    expect(png.name).toMatch(/^idps-by-region_\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1200); // IHDR width

    const svg = await exportChart(page, "idps-by-region", "SVG");
    expect(svg.name).toBe(png.name.replace(/\.png$/, ".svg"));
    const text = svg.bytes.toString("utf8");
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, text: doc.documentElement.textContent ?? "", external: [...doc.querySelectorAll("[href]")].map((n) => n.getAttribute("href")) };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.text).toContain(title);
    expect(parsed.text).toContain("IOM");
    expect(parsed.text).toMatch(/Data as of/);
    expect(parsed.text).toMatch(/Filters: region: ML05, ML06/);
    expect(parsed.text).toMatch(/Situation Room · exported \d{4}-\d{2}-\d{2}/);
    expect(parsed.text).toContain("Mopti"); // the legend, drawn in HTML on the page, is in the picture
    expect(parsed.text).toContain("Timbuktu");
    expect(text).not.toMatch(/<link|@import|url\(http/);

    const csv = await exportChart(page, "idps-by-region", "CSV");
    const rows = parse(csv.bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["Date", "Mopti", "Timbuktu"]);
    await figure.getByRole("button", { name: "Table" }).click();
    await expect(figure.locator("tbody tr")).toHaveCount(rows.length);

    // The same table for French Excel: semicolons, the file named so.
    const french = await exportChart(page, "idps-by-region", "CSV (French Excel)");
    expect(french.name).toMatch(/^idps-by-region_\d{4}-\d{2}-\d{2}\.excel-fr\.csv$/);
    expect(parse(french.bytes, { bom: true, columns: true, delimiter: ";" })).toEqual(rows);
  });

  test("a theme page links its view's figures as CSV, XLSX and HXL with the filters on screen", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/displacement?region=ML05&region=ML06&from=2019-01-01");
    const csvLink = page.getByRole("link", { name: "CSV", exact: true });
    const href = (await csvLink.getAttribute("href"))!;
    expect(new URL(href, page.url()).searchParams.get("region")).toBe("ML05,ML06");
    const rows = parse(await (await page.request.get(href)).body(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(["ML05", "ML06"]));
    expect(rows.every((r) => (r.period_end ?? "") >= "2019-01-01")).toBe(true);
    await expect(page.getByRole("link", { name: "HXL", exact: true })).toHaveAttribute("href", /^\/api\/v1\/figures\.hxl\.csv\?/);
    // Beside the CSV, the same figures for French Excel (semicolons, decimal commas).
    const excelFr = page.getByRole("link", { name: "CSV (French Excel)", exact: true });
    expect((await excelFr.getAttribute("href"))!.replace("figures.excel-fr.csv", "figures.csv")).toBe(href);
    const french = parse(await (await page.request.get((await excelFr.getAttribute("href"))!)).body(), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    expect(french.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  test("the map has the same Export menu", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/map");
    const map = page.locator("figure", { has: page.locator("path[data-pcode]") }).first();
    await map.getByRole("button", { name: "Export" }).click();
    await expect(map.getByRole("menuitem")).toHaveText(["PNG", "SVG", "CSV", "CSV (French Excel)", "Copy chart"]);
    const [download] = await Promise.all([page.waitForEvent("download"), map.getByRole("menuitem", { name: "SVG" }).click()]);
    const svg = readFileSync((await download.path())!, "utf8");
    expect((svg.match(/data-pcode=/g) ?? []).length).toBeGreaterThanOrEqual(9);
  });

  test("CSV, XLSX and HXL of a filtered view equal the API's JSON; the HXL file imports back unchanged", async ({ page, request }) => {
    await logIn(page, "analyst");
    const filter = "indicator=idps&region=ML05,ML06,ML07&from=2019-01-01&to=2023-12-31";
    const api = (await (await page.request.get(`/api/v1/figures?${filter}&limit=50000`)).json()).data as { id: number; value: number; region: string; periodEnd: string; dataset: { code: string } }[];
    expect(api.length).toBeGreaterThan(5);

    const csv = await page.request.get(`/api/v1/figures.csv?${filter}`);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="figures_idps_ML05-ML06-ML07_2019-01-01_2023-12-31\.csv"$/);
    const rows = parse(await csv.body(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [Number(r.id), r.region, r.period_end, Number(r.value), r.dataset])).toEqual(api.map((f) => [f.id, f.region, f.periodEnd, f.value, f.dataset.code]));

    const xlsx = await page.request.get(`/api/v1/figures.xlsx?${filter}`);
    expect(xlsx.headers()["content-disposition"]).toMatch(/^attachment; filename=".*\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Figures")!;
    const valueCol = (sheet.getRow(1).values as string[]).indexOf("value");
    expect(Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(valueCol).value)).toEqual(api.map((f) => f.value));
    expect(book.getWorksheet("Sources")).toBeTruthy();

    const hxl = await page.request.get(`/api/v1/figures.hxl.csv?${filter}`);
    expect(hxl.headers()["content-disposition"]).toMatch(/\.hxl\.csv"$/);
    const body = await hxl.body();
    const origin = new URL(page.url()).origin;
    const back = await page.request.post("/api/v1/imports", { headers: { origin }, multipart: { dryRun: "true", file: { name: "roundtrip.hxl.csv", mimeType: "text/csv", buffer: body } } });
    expect((await back.json()).data).toMatchObject({ status: "preview", counts: { create: 0, update: 0, unchanged: api.length, invalid: 0 } });

    for (const path of ["/api/v1/figures.csv", "/api/v1/figures.xlsx", "/api/v1/figures.hxl.csv"]) expect((await request.get(path)).status()).toBe(401);
  });
});

/** How many pixels of each colour (#RRGGBB) a PNG has between two heights given in CSS px, decoded by the browser. */
async function pngColours(page: Page, png: Buffer, band: { top: number; bottom: number; width: number }) {
  return page.evaluate(
    async ({ url, band }) => {
      const image = new Image();
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = reject;
        image.src = url;
      });
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const scale = canvas.width / band.width;
      const top = Math.floor(band.top * scale);
      const rows = Math.min(canvas.height, Math.ceil(band.bottom * scale)) - top;
      const { data } = context.getImageData(0, top, canvas.width, rows);
      const counts: Record<string, number> = {};
      for (let i = 0; i < data.length; i += 4) {
        const key = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    { url: `data:image/png;base64,${png.toString("base64")}`, band },
  );
}

/** Where the legend band of an exported SVG lies: under the chart, above the footer's first line (CSS px). */
async function legendBand(page: Page, svg: string) {
  return page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    const root = doc.documentElement;
    const chart = root.querySelector(":scope > svg")!;
    const top = Number(chart.getAttribute("y")) + Number(chart.getAttribute("height"));
    // Header and footer lines start at the title's x; legend labels sit right of their swatches.
    const lines = [...root.querySelectorAll(":scope > text")];
    const margin = lines[0]!.getAttribute("x");
    const after = lines.filter((t) => t.getAttribute("x") === margin).map((t) => Number(t.getAttribute("y"))).filter((y) => y > top);
    return { top, bottom: Math.min(...after) - 12, width: Number(root.getAttribute("width")) };
  }, svg);
}

test.describe("chart pictures that paste cleanly", () => {
  for (const { path, chart, name, colours } of [
    { path: "/food-security", chart: "ch-phases", colours: ["#CDFACD", "#FAE61E", "#E67800", "#C80000", "#640000"] },
    { path: "/funding", chart: "funding-by-year", colours: ["#0072B2", "#E69F00", "#000000"] }, // funded, unmet, the coverage line (black)
    { path: "/displacement?region=ML05&region=ML06", chart: "idps-by-region", colours: ["#0072B2", "#E69F00", "#6A3D9A"] }, // the regions, and the events the chart marks (EVENT_COLOUR)
    // The map: its classes (lib/domain/colour-scale.ts SEQUENTIAL, as many as it shows) and "no data" hatched in two greys.
    { path: "/map", chart: "map", colours: ["#FFFFCC", "#A1DAB4", "#41B6C4", "#2C7FB8", "#253494", "#EEF0F2", "#9AA4AE"] },
    // The CH area phase map: the five standard phase colours (CH_PHASE_COLOURS) and "not analysed" hatched.
    { path: "/map?indicator=ch_area_phase&status=projected&level=cercle", chart: "map", name: "CH area phase map", colours: ["#CDFACD", "#FAE61E", "#E67800", "#C80000", "#640000", "#EEF0F2", "#9AA4AE"] },
  ] as { path: string; chart: string; name?: string; colours: string[] }[]) {
    test(`the PNG of ${name ?? chart} draws each legend swatch in its series' colour`, async ({ page }) => {
      await logIn(page, "viewer");
      await page.goto(path);
      await expect(page.locator(`figure[data-chart="${chart}"] .chart-body svg`).first()).toBeVisible();
      const svg = (await exportChart(page, chart, "SVG")).bytes.toString("utf8");
      const png = await exportChart(page, chart, "PNG");
      const band = await legendBand(page, svg);
      expect(band.bottom).toBeGreaterThan(band.top);
      // A 12 px swatch at 2× is over 400 pixels of its colour.
      const counts = await pngColours(page, png.bytes, band);
      const classes = chart === "map" ? await page.locator(".map-legend .swatch:not(.hatch)").count() : colours.length;
      const expected = chart === "map" ? [...colours.slice(0, classes), ...colours.slice(5)] : colours;
      // The hatch's two greys share a swatch: fewer pixels each.
      for (const colour of expected) expect.soft(counts[colour] ?? 0, `${colour} in the legend`).toBeGreaterThan(chart === "map" && colours.indexOf(colour) >= 5 ? 40 : 300);
      if (!colours.includes("#000000")) expect(counts["#000000"] ?? 0, "no black swatch").toBeLessThan(300);
    });
  }

  test("no text of an SVG export runs past its edge, however long the title and source line", async ({ page }) => {
    await logIn(page, "viewer");
    await page.setViewportSize({ width: 700, height: 900 });
    await page.goto("/displacement?compare=idps-national");
    await expect(page.locator('figure[data-chart="idps-national"] .chart-body svg').first()).toBeVisible();
    const svg = (await exportChart(page, "idps-national", "SVG")).bytes.toString("utf8");
    const outside = await page.evaluate((s) => {
      const host = document.createElement("div");
      host.style.cssText = "position:absolute;left:0;top:0";
      host.innerHTML = s.replace(/^<\?xml[^>]*>/, "");
      document.body.append(host);
      const root = host.querySelector("svg")!;
      const edge = root.getBoundingClientRect();
      const out = [...root.querySelectorAll("text")]
        .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < edge.left - 0.5 || box.right > edge.right + 0.5 || box.top < edge.top - 0.5 || box.bottom > edge.bottom + 0.5))
        .map(({ text, box }) => `${text} [${Math.round(box.left)}–${Math.round(box.right)} of ${Math.round(edge.width)}]`);
      host.remove();
      return out;
    }, svg);
    expect(outside).toEqual([]);
    expect(svg).toContain("Data as of");
  });

  test("a one-figure series' label reads in the export: dark text over its white halo, not a white blot", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/displacement?compare=idps-national");
    await expect(page.locator('figure[data-chart="idps-national"] .point-label').first()).toBeVisible();
    const svg = (await exportChart(page, "idps-national", "SVG")).bytes.toString("utf8");
    // CRS 2021 (372,000) is one figure: its value and date are written by its point.
    const label = /<text[^>]*>372,000 people \(30 Jun 2021\)<\/text>/.exec(svg)?.[0];
    expect(label).toBeDefined();
    // The halo is a stroke painted under the fill; without paint-order the white stroke covers the text.
    expect(label).toMatch(/paint-order:\s*stroke/);
    expect(label).toMatch(/fill:\s*rgb\(31, 41, 51\)/);
  });

  test("a chart hovered when it is exported comes out without its crosshair or tooltip", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/displacement");
    const figure = page.locator('figure[data-chart="idps-national"]');
    const body = figure.locator(".chart-body");
    const box = (await body.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const cursor = figure.locator(".recharts-tooltip-cursor");
    await expect(cursor).toHaveCount(1);
    const crosshair = (await cursor.getAttribute("d")) ?? (await cursor.getAttribute("points"));
    expect(crosshair).toBeTruthy();
    const dot = figure.locator(".recharts-active-dot circle");
    const dotAt = `cx="${await dot.getAttribute("cx")}" cy="${await dot.getAttribute("cy")}" r="${await dot.getAttribute("r")}"`; // the active dot, as recharts writes it
    // Open the menu with the keyboard so the mouse, and the hover, stay on the chart.
    await figure.getByRole("button", { name: "Export" }).focus();
    await page.keyboard.press("Enter");
    await figure.getByRole("menuitem", { name: "SVG" }).focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await expect(cursor).toHaveCount(1); // still hovered while it was exported
    const svg = readFileSync((await download.path())!, "utf8");
    expect(svg.includes(crosshair!), "the crosshair is in the export").toBe(false);
    expect(svg.includes(dotAt), "the active dot is in the export").toBe(false);
    expect(/recharts-(tooltip|active-dot)/.test(svg), "a tooltip or active dot is in the export").toBe(false);
  });

  test("Copy chart puts the PNG on the clipboard and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(page, "viewer");
    await page.goto("/displacement");
    const figure = page.locator('figure[data-chart="idps-national"]');
    await expect(figure.locator(".chart-body svg").first()).toBeVisible();
    await figure.getByRole("button", { name: "Export" }).click();
    await figure.getByRole("menuitem", { name: "Copy chart" }).click();
    await expect(figure.locator(".export-status")).toHaveText("Chart copied: paste it as a picture.");
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain("image/png");
  });
  test("where the browser cannot copy pictures, Copy chart says so, in French too", async ({ page }) => {
    await page.addInitScript(() => Reflect.deleteProperty(window, "ClipboardItem"));
    await logIn(page, "viewer");
    await page.goto("/displacement");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.reload();
    const figure = page.locator('figure[data-chart="idps-national"]');
    await figure.getByRole("button", { name: "Exporter" }).click();
    await figure.getByRole("menuitem", { name: "Copier le graphique" }).click();
    await expect(figure.locator(".export-status")).toHaveText("Ce navigateur ne peut pas copier d'images\u202f: téléchargez plutôt le PNG.");
  });
});

test.describe("situation snapshot", () => {
  test("the PDF is one A4 page per snapshot holding the area's name and key figures in the chosen language", async ({ page, request }) => {
    test.setTimeout(90_000);
    await logIn(page, "viewer");
    await page.goto("/regions/ML05");
    await page.getByRole("link", { name: "Situation snapshot (one page, PDF)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Situation snapshot: Mopti" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute("href", "/api/v1/snapshot.pdf?region=ML05&locale=en");
    const idps = (await page.locator('.snapshot-tiles li[data-indicator="idps"] .value').textContent())!.replace(/\D/g, "");
    expect(idps.length).toBeGreaterThan(3);

    for (const [locale, title] of [["fr", "Point de situation\u202f: Mopti"], ["en", "Situation snapshot: Mopti"]] as const) {
      const res = await page.request.get(`/api/v1/snapshot.pdf?region=ML05&locale=${locale}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/pdf");
      expect(res.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="situation-snapshot_mopti_${locale}_\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
      const pages = await pdfPages(await res.body());
      expect(pages).toHaveLength(1);
      const text = pages[0]!;
      // pdf.js splits ligatures ("Chi ff res"): compare without spaces.
      const squeezed = text.replace(/\s+/g, "");
      expect(squeezed).toContain(title.replace(/\s+/g, ""));
      expect(text.replace(/\D/g, "")).toContain(idps);
      expect(squeezed).toContain(locale === "fr" ? "Chiffresclés" : "Keyfigures");
    }

    const country = await page.request.get("/api/v1/snapshot.pdf?locale=en");
    const [countryPage, ...more] = await pdfPages(await country.body());
    expect(more).toHaveLength(0);
    expect(countryPage).toContain("Situation snapshot: Mali");

    expect((await page.request.get("/api/v1/snapshot.pdf?region=ML99")).status()).toBe(400);
    expect((await page.request.get("/api/v1/snapshot.pdf?locale=de")).status()).toBe(400);
    expect((await page.request.get("/api/v1/snapshot.pdf?region=ML05&page=2")).status()).toBe(400);
    expect((await request.get("/api/v1/snapshot.pdf")).status()).toBe(401);

    // With an API token (which opens no page), the PDF is still the snapshot, not the login page.
    const token = cli(["token", "create", "viewer@example.org", "--name", "pdf", "--days", "1"]).trim().split("\n").pop()!;
    const byToken = await request.get("/api/v1/snapshot.pdf?region=ML05&locale=en", { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status()).toBe(200);
    expect((await pdfPages(await byToken.body()))[0]!.replace(/\s+/g, "")).toContain("Situationsnapshot:Mopti");
  });
});

test.describe("heavy exports", () => {
  test("a download link fetches its file; beyond the user's export slots it says so next to the link, in French too", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "viewer");
    await page.goto("/displacement?region=ML05");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^figures_idps.*ML05.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.getWorksheet("Figures")!.rowCount).toBeGreaterThan(1);

    // Two PDFs hold this user's two export slots for at least the half second
    // Chromium waits for the page to settle; a third download meanwhile is refused.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.goto("/snapshot?region=ML05");
    const link = page.getByRole("link", { name: "Télécharger le PDF" });
    const holding = [page.request.get("/api/v1/snapshot.pdf?region=ML05&locale=en"), page.request.get("/api/v1/snapshot.pdf?region=ML06&locale=en")];
    await page.waitForTimeout(250);
    await link.click();
    await expect(page.getByRole("status").filter({ hasText: "Vous avez déjà des téléchargements en cours" })).toBeVisible();
    expect((await Promise.all(holding)).map((r) => r.status())).toEqual([200, 200]);

    // Once they are done, the same link downloads the PDF.
    const [pdf] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(pdf.suggestedFilename()).toMatch(/^situation-snapshot_mopti_fr_\d{4}-\d{2}-\d{2}\.pdf$/);
    await expect(page.getByRole("status").filter({ hasText: "Vous avez déjà" })).toHaveCount(0);
  });

  test("exports run in a process of their own at a lower CPU priority than pages", async ({ page }) => {
    test.skip(process.platform !== "linux", "reads /proc");
    await logIn(page, "viewer");
    expect((await page.request.get("/api/v1/figures.csv?indicator=idps&region=ML05")).status()).toBe(200);
    const { readdirSync } = await import("node:fs");
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    const workers = readdirSync("/proc")
      .filter((pid) => /^\d+$/.test(pid))
      .flatMap((pid) => {
        try {
          // The app's own Node processes (Chromium, which the export process starts for PDFs, inherits its environment).
          if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.mjs")) return [];
          const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
          const role = env.find((e) => e.startsWith("SR_WORKER_ROLE="))?.slice("SR_WORKER_ROLE=".length);
          const port = env.find((e) => e.startsWith("PORT="))?.slice(5);
          return role && port === new URL(page.url()).port ? [{ pid, role, threads: readdirSync(`/proc/${pid}/task`).map((tid) => niceOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"))) }] : [];
        } catch {
          return [];
        }
      });
    const exporters = workers.filter((w) => w.role === "export");
    expect(exporters).toHaveLength(1);
    expect(Math.min(...exporters[0]!.threads)).toBe(19);
    const web = workers.filter((w) => w.role === "web");
    expect(web.length).toBeGreaterThanOrEqual(1);
    expect(web.every((w) => Math.max(...w.threads) === 0)).toBe(true);
  });

  test("behind a TLS proxy (X-Forwarded-Proto: https) the PDF renders, and its links point at the public address (NEXTAUTH_URL)", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "viewer");
    const publicOrigin = new URL(page.url()).origin; // the e2e server's NEXTAUTH_URL
    const res = await page.request.get("/api/v1/snapshot.pdf?region=ML05&locale=en", { headers: { "x-forwarded-proto": "https" } });
    expect(res.status()).toBe(200);
    const links = await pdfLinks(await res.body());
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(["http:", "https:"]).toContain(new URL(link).protocol);
      expect(new URL(link).hostname).not.toMatch(/^(0\.0\.0\.0|127\.0\.0\.1|\[::1?\])$/);
    }
    expect(links.some((link) => link.startsWith(`${publicOrigin}/`))).toBe(true);
  });
});
