import { expect, test } from "@playwright/test";
import { cli, logIn } from "./helpers";

test.describe("read API", () => {
  test("health answers without login", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  test("anonymous API calls get 401", async ({ request }) => {
    for (const path of ["/api/v1/regions", "/api/v1/indicators", "/api/v1/figures"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
    const forged = await request.get("/api/v1/regions", { headers: { Authorization: "Bearer sr_not-a-real-token" } });
    expect(forged.status()).toBe(401);
  });

  test("a CLI token reads the API; a bad parameter is a 400 naming it", async ({ request }) => {
    // The CLI reaches the running app's embedded database.
    const token = cli(["token", "create", "viewer@example.org", "--name", "e2e"]).trim().split("\n").pop()!;
    const headers = { Authorization: `Bearer ${token}` };

    const regions = await (await request.get("/api/v1/regions", { headers })).json();
    expect(regions.data).toContainEqual({ pcode: "ML05", level: 1, name: { en: "Mopti", fr: "Mopti" }, parent: "ML" });

    const res = await request.get("/api/v1/figures?indicator=idps&region=ML05&from=2021-09-30&to=2021-09-30", { headers });
    expect(res.status()).toBe(200);
    const body = await res.json();
    const r72 = body.data.find((f: { source: { organisation: string } }) => f.source.organisation.includes("IOM"));
    expect(r72).toMatchObject({ indicator: "idps", region: "ML05", periodStart: "2021-09-30", periodEnd: "2021-09-30", value: 159027, unit: "people" });

    const bad = await request.get("/api/v1/figures?from=2021-13-01", { headers });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "from" });

    // Datasets: what each holds and how fresh it is; figures filter by them.
    const datasets = (await (await request.get("/api/v1/datasets", { headers })).json()).data as { code: string; freshness: string; latestReferenceDate: string | null; indicators: string[] }[];
    expect(datasets.find((d) => d.code === "iom-dtm-mali")).toMatchObject({ freshness: "stale", latestReferenceDate: "2021-09-30" });
    expect(datasets.find((d) => d.code === "tnh-2022")).toMatchObject({ freshness: "none" });
    for (const d of datasets) expect(["fresh", "due", "overdue", "stale", "none"]).toContain(d.freshness);
    const national = (await (await request.get("/api/v1/figures?indicator=idps&region=ML&from=2018-12-31&to=2018-12-31", { headers })).json()).data as { dataset: { code: string }; value: number }[];
    expect(national.map((f) => f.dataset.code).sort()).toEqual(["idmc-gidd", "iom-dtm-mali"]);
    const onlyIdmc = await request.get("/api/v1/figures?indicator=idps&region=ML&dataset=idmc-gidd", { headers });
    expect(((await onlyIdmc.json()).data as { dataset: { code: string } }[]).every((f) => f.dataset.code === "idmc-gidd")).toBe(true);
    const unknown = await request.get("/api/v1/figures?dataset=nobody", { headers });
    expect((await unknown.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "dataset" });
  });

  test("a logged-in browser session reads the API with its cookie", async ({ page }) => {
    await logIn(page, "analyst");
    const res = await page.request.get("/api/v1/indicators");
    expect(res.status()).toBe(200);
    const codes = (await res.json()).data.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["idps", "ch_phase3plus", "people_in_need", "funding_required", "funding_coverage"]));
  });
});
