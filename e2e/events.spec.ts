// Events: an analyst adds one on /events; it is marked on the national IDP
// chart on /displacement (a line with its title, the "Events" legend entry),
// listed in the chart's table view, and carried into its SVG and PNG exports
// (the legend swatch in the markers' colour). Viewers only read.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";

/** EVENT_COLOUR (lib/domain/colour-scale.ts) as the browser computes it. */
const EVENT_RGB = "rgb(106, 61, 154)";

async function exportChart(page: Page, chart: string, format: "PNG" | "SVG") {
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await figure.getByRole("button", { name: "Export" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("menuitem", { name: format }).click()]);
  return readFileSync((await download.path())!);
}

test.describe("events", () => {
  test("an analyst's event is marked on the national IDP chart, in its table view and in its SVG and PNG exports", async ({ page }) => {
    const title = `E2E event ${Date.now()}`;
    await logIn(page, "analyst");
    await page.goto("/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    // The seed's events are listed with their sources.
    await expect(page.getByRole("rowheader", { name: "End of MINUSMA" })).toBeVisible();

    const form = page.locator("section", { has: page.getByRole("heading", { name: "Add an event" }) });
    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Date (or start of the period)").fill("2021-02-15");
    await form.getByLabel("Source (web address)").fill("https://example.org/e2e-event");
    await form.getByRole("button", { name: "Add the event" }).click();
    await expect(form.getByText("The event was added.")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: title })).toBeVisible();

    await page.goto("/displacement");
    const figure = page.locator('figure[data-chart="idps-national"]');
    await expect(figure.locator(".chart-body svg").first()).toBeVisible();
    // The marker: a line with the event's title and date in its SVG <title>.
    const mark = figure.locator(".event-mark", { has: page.locator("title", { hasText: title }) });
    await expect(mark).toHaveCount(1);
    await expect(mark.locator("title")).toHaveText(new RegExp(`^\\d+\\. ${title} \\(15 Feb 2021\\)$`));
    await expect(figure.locator(".recharts-reference-line")).not.toHaveCount(0);
    await expect(figure.locator(".recharts-legend-item", { hasText: "Events" })).toHaveCount(1);

    // The SVG export keeps the marker and its title, and the legend's "Events" swatch in the markers' colour.
    const svg = (await exportChart(page, "idps-national", "SVG")).toString("utf8");
    expect(svg).toContain(title);
    const legend = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      const label = [...doc.documentElement.querySelectorAll(":scope > text")].find((t) => t.textContent === "Events");
      return label?.previousElementSibling?.getAttribute("fill") ?? null;
    }, svg);
    expect(legend).toBe(EVENT_RGB);
    // The marker's line itself, in the markers' colour.
    expect(svg).toMatch(/stroke:\s*rgb\(106, 61, 154\)/);

    // The PNG: the same picture drawn, its swatch's pixels in the markers' colour.
    const png = await exportChart(page, "idps-national", "PNG");
    const purple = await page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 106 && data[i + 1] === 61 && data[i + 2] === 154) n++;
      return n;
    }, `data:image/png;base64,${png.toString("base64")}`);
    // A 12 px swatch at 2× alone is over 400 pixels.
    expect(purple).toBeGreaterThan(400);

    // The table view lists the chart's events with their dates and sources.
    await figure.getByRole("button", { name: "Table" }).click();
    const list = figure.locator(".chart-events");
    await expect(list.getByRole("heading", { name: "Events marked on this chart" })).toBeVisible();
    await expect(list.getByRole("listitem").filter({ hasText: title })).toHaveText(`15 Feb 2021: ${title} (example.org)`);
    await expect(list.getByRole("link", { name: "example.org" })).toHaveAttribute("href", "https://example.org/e2e-event");

    // A region's own event is not marked on the national chart.
    await page.goto("/events");
    const regional = `${title} in Gao`;
    await form.getByLabel("Title", { exact: true }).fill(regional);
    await form.getByLabel("Date (or start of the period)").fill("2021-03-15");
    await form.getByLabel("Region").selectOption("ML07");
    await form.getByLabel("Source (web address)").fill("https://example.org/e2e-event-gao");
    await form.getByRole("button", { name: "Add the event" }).click();
    await expect(page.getByRole("rowheader", { name: regional })).toBeVisible();
    await page.goto("/displacement?region=ML07");
    await expect(page.locator('figure[data-chart="idps-national"] title', { hasText: regional })).toHaveCount(0);
    await expect(page.locator('figure[data-chart="idps-by-region"] title', { hasText: regional })).toHaveCount(1);

    // Deleting it takes it off the charts.
    await page.goto("/events");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title, exact: true }) }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("rowheader", { name: title, exact: true })).toHaveCount(0);
    await page.goto("/displacement");
    await expect(page.locator('figure[data-chart="idps-national"] title', { hasText: title })).toHaveCount(0);
  });

  test("an analyst edits an event and filters the list by region", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/events?region=ML09");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Attack on the Radisson Blu hotel, Bamako" }) });
    await row.locator("summary").click();
    await row.getByLabel("Note").fill("Edited by the e2e test");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Edited by the e2e test" })).toHaveCount(1);
    // The region filter: Bamako's own events and the national ones, never another region's.
    await expect(page.getByRole("cell", { name: "Bamako" })).not.toHaveCount(0);
    await expect(page.getByRole("cell", { name: "Gao" })).toHaveCount(0);
  });

  test("a viewer reads the list without any form", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/events");
    await expect(page.getByRole("rowheader", { name: "Military coup in Bamako" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Add an event" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByText("Analysts and admins add and change events.")).toBeVisible();
  });
});
