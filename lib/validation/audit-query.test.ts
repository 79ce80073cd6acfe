import { describe, expect, it } from "vitest";
import { auditQuerySchema, parseAuditFilters } from "./audit-query";

describe("parseAuditFilters (the audit page's URL)", () => {
  it("keeps valid filters as they are", () => {
    expect(parseAuditFilters({ action: "user.", from: "2024-01-01", to: "2024-01-31" })).toEqual({
      query: { action: "user.", from: "2024-01-01", to: "2024-01-31", limit: 100 },
      values: { action: "user.", from: "2024-01-01", to: "2024-01-31" },
      problems: {},
    });
  });

  it("drops an impossible date, reports it against its field, and keeps the other filters", () => {
    const r = parseAuditFilters({ action: "user.", from: "2024-99-99", to: "2024-00-00" });
    expect(r.problems).toEqual({ from: "date", to: "date" });
    expect(r.query).toEqual({ action: "user.", limit: 100 });
    expect(r.values).toEqual({ action: "user." });
  });

  it("reports an end before the start against `to`, once both are dates", () => {
    const r = parseAuditFilters({ from: "2024-02-01", to: "2024-01-31" });
    expect(r.problems).toEqual({ to: "order" });
    expect(r.query).toEqual({ from: "2024-02-01", limit: 100 });
  });

  it("any other bad value is reported as such", () => {
    expect(parseAuditFilters({ limit: "0", before: "x" }).problems).toEqual({ limit: "invalid", before: "invalid" });
  });

  it("the schema the API uses refuses the same dates", () => {
    expect(auditQuerySchema.safeParse({ from: "2024-99-99" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: "2024-02-01", to: "2024-01-31" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "must not be before from" });
  });
});
