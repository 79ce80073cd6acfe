import { describe, expect, it } from "vitest";
import { savedViewInputSchema, viewPath } from "./saved-view";

describe("a saved view's page", () => {
  it("keeps a path of this site with its filters, without the fragment", () => {
    expect(viewPath("/figures?dataset=iom-dtm-mali&q=M%C3%A9naka")).toBe("/figures?dataset=iom-dtm-mali&q=M%C3%A9naka");
    expect(viewPath("/displacement?region=ML05#chart")).toBe("/displacement?region=ML05");
    expect(viewPath("/")).toBe("/");
  });

  it("refuses a scheme, a host, a protocol-relative or backslash path, and the API", () => {
    for (const value of ["https://evil.example/figures", "//evil.example/figures", "/\\evil.example", "javascript:alert(1)", "figures", "", "/api/v1/figures", "/api", 42, null]) {
      expect(viewPath(value), String(value)).toBeNull();
    }
  });

  it("the form's schema: a name, the page, the share box", () => {
    expect(savedViewInputSchema.parse({ name: "  IDPs in Mopti ", path: "/displacement?region=ML05", shared: "on" })).toEqual({ name: "IDPs in Mopti", path: "/displacement?region=ML05", shared: true });
    expect(savedViewInputSchema.parse({ name: "x", path: "/", shared: undefined }).shared).toBe(false);
    const refused = savedViewInputSchema.safeParse({ name: " ", path: "https://evil.example/", shared: false });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["name", "nameRequired"],
      ["path", "pathInvalid"],
    ]);
  });
});
