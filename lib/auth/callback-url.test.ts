import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const APP = "http://localhost:3000";

/** Where a browser ends up when the page does location.assign(path) on the app. */
const landing = (path: string) => new URL(path, APP).origin;

// Each of these, passed to location.assign or a Location header as it is,
// leaves the site in some browser (they strip tabs and newlines, read a
// backslash as a slash, and take //host as another site).
const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/./\\evil.example",
  "http://evil.example/",
  "https://evil.example/figures",
  "HTTPS://evil.example",
  "http:evil.example",
  "https:/evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "evil.example",
  "//localhost:3000@evil.example",
  "/\u0000/evil.example",
  "\u0000//evil.example",
  "http://localhost:3000.evil.example/",
];

describe("safeCallbackPath", () => {
  it.each(HOSTILE)("sends %j home instead of off the site", (value) => {
    const path = safeCallbackPath(value);
    expect(path).toBe("/");
    expect(landing(path)).toBe(APP);
  });

  it.each(HOSTILE)("refuses %j as next-auth's redirect target too", (value) => {
    expect(safeCallbackPath(value, APP)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/figures", "/figures"],
    ["/figures?indicator=idps&region=ML05#chart", "/figures?indicator=idps&region=ML05#chart"],
    ["/?from=bookmark", "/?from=bookmark"],
    ["/regions/ML05", "/regions/ML05"],
    // Encoded forms stay encoded: a path on this site, never a host.
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/figures/../admin/users", "/admin/users"],
  ])("keeps the same-site path %j as %j", (value, expected) => {
    const path = safeCallbackPath(value);
    expect(path).toBe(expected);
    expect(landing(path)).toBe(APP);
  });

  it("accepts an absolute URL only on the given origin, as a path", () => {
    expect(safeCallbackPath(`${APP}/figures?x=1`, APP)).toBe("/figures?x=1");
    expect(safeCallbackPath(`${APP}/figures`)).toBe("/"); // no origin to compare with: paths only
    expect(safeCallbackPath("http://localhost:3001/figures", APP)).toBe("/");
    expect(safeCallbackPath("https://localhost:3000/figures", APP)).toBe("/");
  });

  it("refuses what is not a string, empty or absurdly long", () => {
    for (const value of [undefined, null, 42, ["/figures"], "", `/${"a".repeat(5000)}`]) expect(safeCallbackPath(value)).toBe("/");
  });
});
