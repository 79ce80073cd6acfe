import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

const csv = (lines: string[]) => ({ name: "idps-update.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });

test.describe("imports", () => {
  test("a file with a bad row shows it and writes nothing", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(
      csv(["Region;Date;IDPs", "#adm1+code;#date;#affected+idps+ind", "ML05;2032-03-31;160 000", "ML99;2032-03-31;5", "ML04;2032-03-31;-7"]),
    );
    await page.getByLabel("Source organisation").fill("Protection Cluster Mali");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Refused: some rows are invalid, nothing was written" })).toBeVisible();
    const invalid = page.getByRole("table", { name: "Invalid rows" }).locator("tbody tr");
    await expect(invalid).toHaveCount(2);
    await expect(invalid.nth(0)).toContainText('unknown region P-code "ML99"');
    await expect(invalid.nth(0).locator("td").first()).toHaveText("4");
    await expect(invalid.nth(1)).toContainText("-7 is negative");
    await expect(page.getByRole("button", { name: /^Import \d+ figures?$/ })).toHaveCount(0);
    const api = await (await page.request.get("/api/v1/figures?indicator=idps&from=2032-03-31&to=2032-03-31")).json();
    expect(api.data).toEqual([]);
  });

  test("a good import is previewed, committed, and appears on the dashboard", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(csv(["#country+code,#date,#affected+idps+ind,#meta+source", "MLI,2032-06-30,420000,Commission Mouvements de Populations", "BFA,2032-06-30,2000000,CONASUR"]));
    // The CMP publishes the DTM rounds with IOM: its figures go into the DTM series, which the IDP tile draws first.
    await page.getByLabel("Dataset").selectOption("iom-dtm-mali");
    await page.getByLabel("Source title").fill("Rapport CMP juin 2032");
    await page.getByLabel("Source date").fill("2032-07-10");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Preview: nothing written yet" })).toBeVisible();
    await expect(page.getByText(/1 to create, 0 to update, 0 unchanged, 0 invalid, 1 skipped/)).toBeVisible();
    await expect(page.getByRole("list", { name: "By dataset" })).toHaveText("Into IOM DTM Mali — Baseline Assessment (iom-dtm-mali): 1 new, 0 changed, 0 unchanged.");
    await page.getByRole("button", { name: "Import 1 figure" }).click();
    await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();

    await page.goto("/");
    // Into the DTM series: the tile, which draws DTM first, shows it with its source; the previous round is DTM's.
    const tile = page.locator('.tile[data-indicator="idps"]');
    await expect(tile.locator(".value")).toHaveText("420,000");
    await expect(tile).toHaveAttribute("data-dataset", "iom-dtm-mali");
    await expect(tile).toContainText("Commission Mouvements de Populations");
    await expect(tile.locator(".change")).toContainText("401,736");

    // The same file again changes nothing.
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(csv(["#country+code,#date,#affected+idps+ind,#meta+source", "MLI,2032-06-30,420000,Commission Mouvements de Populations"]));
    await page.getByLabel("Dataset").selectOption("iom-dtm-mali");
    await page.getByLabel("Source title").fill("Rapport CMP juin 2032");
    await page.getByLabel("Source date").fill("2032-07-10");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText(/0 to create, 0 to update, 1 unchanged/)).toBeVisible();

    // Rolled back as a whole, the dashboard shows the previous figure again.
    await page.goto("/imports");
    await page.locator("table tbody tr").first().getByRole("link").click();
    await page.getByRole("button", { name: "Roll back this import" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Roll back this import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Rolled back." })).toBeVisible();
    await expect(page.getByText("rolled back", { exact: true })).toBeVisible(); // the refreshed page…
    await expect(page.getByRole("button", { name: "Roll back this import" })).toHaveCount(0); // …offers it no more
    await page.goto("/");
    await expect(tile.locator(".value")).toHaveText("401,736");
    await expect(tile).not.toContainText("Commission Mouvements de Populations");
  });

  test("the preview says per dataset whether a value or only its source changes, with names, not codes", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    // The seeded DTM round 72: Mopti 159,027 IDPs on 30 Sep 2021, Gao 97,859.
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(csv(["#adm1+code,#date,#affected+idps+ind", "ML05,2021-09-30,159027", "ML07,2021-09-30,98000"]));
    await page.getByLabel("Dataset").selectOption("iom-dtm-mali");
    await page.getByLabel("Source organisation").fill("IOM DTM");
    await page.getByLabel("Source title").fill("Round 72, republished");
    await page.getByLabel("Source date").fill("2021-11-15");
    await page.getByRole("button", { name: "Preview" }).click();
    const changes = page.getByRole("table", { name: "Changes (first 500)" });
    await expect(changes.locator('th[scope="rowgroup"]')).toHaveText(["IOM DTM Mali — Baseline Assessment (iom-dtm-mali)"]);
    const mopti = changes.locator("tbody tr", { hasText: "Mopti" });
    await expect(mopti).toContainText("source only");
    await expect(mopti).toContainText("Internally displaced persons (IDPs) · Mopti · 30 Sept 2021");
    await expect(mopti).toContainText(/the value stays 159,027; the source changes from .*round 72.* to IOM DTM — Round 72, republished \(2021-11-15\)/);
    await expect(changes.locator("tbody tr", { hasText: "Gao" })).toContainText("the value changes from 97,859 to 98,000");
  });

  test("a column mapping saved once reads the next file with the same columns without mapping again", async ({ page }, testInfo) => {
    // A retry starts from what the failed attempt left: no saved mapping, another year.
    const year = 2033 + testInfo.retry;
    const partnerFile = (rows: string[]) => ({ name: "partner-monthly.csv", mimeType: "text/csv", buffer: Buffer.from(["Zone,Jour,Déplacés", ...rows].join("\r\n")) });
    await logIn(page, "analyst");
    const { data: leftovers } = await (await page.request.get("/api/v1/import-mappings")).json();
    const origin = new URL(page.url()).origin;
    for (const m of leftovers as { id: number }[]) await page.request.delete(`/api/v1/import-mappings/${m.id}`, { headers: { origin } });
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(partnerFile([`Mopti,${year}-01-31,1200`]));
    await page.getByLabel("Source organisation").fill("Partner NGO");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByLabel("Zone").selectOption({ label: "Region name" });
    await page.getByLabel("Jour").selectOption({ label: "Date" });
    await page.getByLabel("Déplacés").selectOption({ label: "Internally displaced persons (IDPs)" });
    await page.getByLabel("Save this mapping as (optional)").fill("Partner NGO monthly");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Mapping saved as “Partner NGO monthly”")).toBeVisible();
    await page.getByRole("button", { name: "Import 1 figure" }).click();
    await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();

    // Next month's file, same columns: previewed at once with the saved mapping.
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(partnerFile([`Gao,${year}-02-28,750`, `Ménaka,${year}-02-28,300`]));
    await page.getByLabel("Source organisation").fill("Partner NGO");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText(/\(Partner NGO monthly\): 2 rows → 2 to create/)).toBeVisible();
    await expect(page.getByLabel("Zone")).toHaveCount(0);

    // Deleted, it is no longer used.
    await page.goto("/imports");
    await page.getByRole("button", { name: "Delete mapping Partner NGO monthly" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Delete the mapping “Partner NGO monthly”?");
    await confirm.getByRole("button", { name: "Cancel" }).click(); // a second thought keeps it
    await expect(confirm).toHaveCount(0);
    await page.getByRole("button", { name: "Delete mapping Partner NGO monthly" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete mapping Partner NGO monthly" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mapping deleted." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete mapping Partner NGO monthly" })).toHaveCount(0);
  });

  test("the upload limit is 50 MB: a 13.5 MB file is read whole, a 51 MB one gets 413 naming the limit", async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page, "analyst");
    const origin = new URL(page.url()).origin;
    // 1,350 rows padded to 10,000 bytes each: past Next's default 10 MB proxy buffer, which cut such bodies short (400).
    const row = (n: number) => `ML05,2036-01-31,${n},`.padEnd(9_999, "x");
    const lines = ["#adm1+code,#date,#affected+idps+ind,#meta+padding", ...Array.from({ length: 1350 }, (_, i) => row(i + 1))];
    const big = Buffer.from(lines.join("\n"));
    expect(big.length).toBeGreaterThan(13_400_000);
    const read = await page.request.post("/api/v1/imports", {
      headers: { origin },
      multipart: { dryRun: "true", sourceOrganisation: "Padding test", file: { name: "padded.csv", mimeType: "text/csv", buffer: big } },
    });
    expect(read.status()).toBe(200);
    expect((await read.json()).data).toMatchObject({ status: "preview", rows: 1350, counts: { create: 1, invalid: 0 } });

    const tooBig = await page.request.post("/api/v1/imports", {
      headers: { origin },
      multipart: { dryRun: "true", file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(51 * 1024 * 1024, 0x61) } },
    });
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).error).toMatchObject({ code: "payload_too_large", message: expect.stringContaining("50 MB") });
  });

  test("the form shows why a file past the limits is refused (2 million columns, a source URL that is not http)", async ({ page }) => {
    await logIn(page, "analyst");
    await page.goto("/imports/new");
    await page.getByLabel("File (CSV or XLSX)").setInputFiles({ name: "wide.csv", mimeType: "text/csv", buffer: Buffer.from(`${"a,".repeat(2_000_000)}a\n1\n`) });
    await page.getByLabel("Source organisation").fill("Limits test");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("wide.csv has a row of more than 500 columns (line 1)");

    await page.getByLabel("File (CSV or XLSX)").setInputFiles(csv(["#adm1+code,#date,#affected+idps+ind", "ML05,2036-02-29,10"]));
    await page.getByLabel("Source URL").fill("javascript:alert(document.cookie)");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText(`The import's source URL: "javascript:alert(document.cookie)" is not a web address`);
  });

  test("a viewer cannot import (403) and sees no import control", async ({ page }) => {
    await logIn(page, "viewer");
    await page.goto("/imports");
    await expect(page.getByRole("link", { name: "Import a file" })).toHaveCount(0);
    const res = await page.request.post("/api/v1/imports", { headers: { Origin: new URL(page.url()).origin }, multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") } } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });
});
