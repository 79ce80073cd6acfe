// The snapshot's "Download" menu: PDF, PowerPoint and Word, in the reader's
// language; the PowerPoint and Word files arrive with their type and name and
// hold the snapshot (tests/integration/sitrep.test.ts checks their numbers).
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { chartSeries, textRuns, zipTexts } from "../tests/integration/office-files";
import { logIn } from "./helpers";

const TYPES = {
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

async function downloadFrom(page: Page, list: ReturnType<Page["getByRole"]>, name: string, ext: "pptx" | "docx") {
  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/sitrep.${ext}`),
    page.waitForEvent("download"),
    list.getByRole("link", { name, exact: true }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(TYPES[ext]);
  return { name: download.suggestedFilename(), files: await zipTexts(readFileSync((await download.path())!)) };
}

test.describe("sitrep pack", () => {
  test("the snapshot's Download menu offers PDF, PowerPoint and Word, and downloads the deck and the document", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "viewer");
    await page.goto("/snapshot?region=ML05");
    // The PDF link of before stays.
    await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute("href", "/api/v1/snapshot.pdf?region=ML05&locale=en");

    const button = page.getByRole("button", { name: "Download", exact: true });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const list = page.getByRole("list", { name: "Download the snapshot" });
    await expect(list.getByRole("link")).toHaveText(["PDF", "PowerPoint", "Word"]);
    await expect(list.getByRole("link", { name: "PDF", exact: true })).toHaveAttribute("href", "/api/v1/snapshot.pdf?region=ML05&locale=en");
    // Open, the menu has no serious accessibility violation (the snapshot page is not in the axe spec's list).
    const axe = await new AxeBuilder({ page }).include(".snapshot-head").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    const deck = await downloadFrom(page, list, "PowerPoint", "pptx");
    expect(deck.name).toMatch(/^sitrep_mopti_en_\d{4}-\d{2}-\d{2}\.pptx$/);
    expect(textRuns(deck.files.get("ppt/slides/slide1.xml")!, "a:t")).toContain("Situation snapshot: Mopti");
    const charts = [...deck.files.keys()].filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(4);
    expect(chartSeries(deck.files.get(charts[0]!)!)[0]!.values.some((v) => v !== null && v > 1000)).toBe(true);

    const doc = await downloadFrom(page, list, "Word", "docx");
    expect(doc.name).toMatch(/^sitrep_mopti_en_\d{4}-\d{2}-\d{2}\.docx$/);
    const text = textRuns(doc.files.get("word/document.xml")!, "w:t");
    expect(text).toContain("Situation snapshot: Mopti");
    expect(text).toContain("Key figures");

    // Escape closes the list and gives the focus back to the button.
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
  });

  test("in French: 'Télécharger' offers the French files", async ({ page }) => {
    test.setTimeout(90_000);
    await logIn(page, "viewer");
    await page.goto("/snapshot?region=ML05");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: page.url() }]);
    await page.reload();
    await page.getByRole("button", { name: "Télécharger", exact: true }).click();
    const list = page.getByRole("list", { name: "Télécharger le point de situation" });
    await expect(list.getByRole("link")).toHaveText(["PDF", "PowerPoint", "Word"]);
    const deck = await downloadFrom(page, list, "PowerPoint", "pptx");
    expect(deck.name).toMatch(/^sitrep_mopti_fr_\d{4}-\d{2}-\d{2}\.pptx$/);
    expect(textRuns(deck.files.get("ppt/slides/slide2.xml")!, "a:t")).toContain("Chiffres clés");
  });
});
