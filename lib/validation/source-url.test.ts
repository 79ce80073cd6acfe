import { describe, expect, it } from "vitest";
import { isSourceUrl, sourceHref, sourceUrlProblem } from "./source-url";
import { sourceInputSchema } from "./figure-input";

const BAD = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "//evil.example/x",
  "https:\\\\evil.example",
  "http://",
  "https:///path",
  "http://exa mple.org",
  "http://example.org/\u0000",
  "ftp://example.org/file.csv",
  "example.org",
  `https://example.org/${"x".repeat(1000)}`,
];

describe("the source URL rule", () => {
  it("takes http and https addresses", () => {
    for (const url of ["https://data.humdata.org/dataset/mali-displacement", "http://example.org", "HTTPS://FTS.UNOCHA.ORG/plans/1150?x=1#y"]) expect(isSourceUrl(url), url).toBe(true);
  });

  it("refuses every other scheme, relative and malformed addresses, and says why", () => {
    for (const url of BAD) expect(isSourceUrl(url), url).toBe(false);
    expect(sourceUrlProblem("javascript:alert(1)")).toBe('"javascript:alert(1)" is not a web address: a source URL starts with http:// or https://');
    expect(sourceUrlProblem(`https://example.org/${"x".repeat(1000)}`)).toBe("the source URL is longer than 1000 characters");
    expect(sourceUrlProblem("https://example.org")).toBeNull();
  });

  it("is the figure schema's rule (form and API)", () => {
    const source = { organisation: "OCHA", title: "Bulletin", date: "2024-01-31" };
    for (const url of BAD) expect(sourceInputSchema.safeParse({ ...source, url }).success, url).toBe(false);
    expect(sourceInputSchema.parse({ ...source, url: "" }).url).toBe("");
    expect(sourceInputSchema.parse({ ...source, url: "https://example.org" }).url).toBe("https://example.org");
  });

  it("links only http(s): anything else stored before the rule is shown as text", () => {
    expect(sourceHref("https://example.org/a")).toBe("https://example.org/a");
    for (const url of ["javascript:alert(1)", "data:text/html,x", "", null, undefined]) expect(sourceHref(url)).toBeUndefined();
  });
});
