import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_ROUTES, isExportRoute } from "../../scripts/export-routes.mjs";

const APP = path.resolve(import.meta.dirname, "../../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
}

describe("export routes", () => {
  it("lists exactly the route handlers that run in an export slot", () => {
    const gated = routeFiles(APP)
      .filter((file) => /withExportSlot|figureExportRoute\(|sitrepRoute\(/.test(readFileSync(file, "utf8")))
      .map((file) => "/" + path.relative(APP, path.dirname(file)).split(path.sep).join("/"));
    expect(gated.sort()).toEqual([...EXPORT_ROUTES].sort());
  });

  it("matches the path with or without a query, and nothing else", () => {
    expect(isExportRoute("/api/v1/figures.xlsx?indicator=idps")).toBe(true);
    expect(isExportRoute("/api/v1/snapshot.pdf")).toBe(true);
    expect(isExportRoute("/api/v1/figures")).toBe(false);
    expect(isExportRoute("/api/v1/figures.xlsx/../figures")).toBe(false);
    expect(isExportRoute("/snapshot")).toBe(false);
  });
});
