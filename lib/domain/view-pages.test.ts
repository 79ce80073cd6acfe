import { describe, expect, it } from "vitest";
import { isViewPage } from "./view-pages";

describe("pages a view can be saved from", () => {
  it("offers the dashboards, the lists and a region's page", () => {
    for (const path of ["/", "/displacement", "/map", "/compare", "/figures", "/regions/ML05", "/admin/audit"]) expect(isViewPage(path), path).toBe(true);
  });
  it("not forms or one record, where the form has its own Save", () => {
    for (const path of ["/figures/new", "/figures/12", "/figures/12/edit", "/imports/new", "/account", "/account/password", "/login", "/admin/users", "/views", "/regions/ML05/x"]) expect(isViewPage(path), path).toBe(false);
  });
});
