import { describe, expect, it } from "vitest";
import { isoDate, isoDateText } from "./iso-date";
import { auditQuerySchema } from "./audit-query";
import { parseFiguresQuery } from "./figures-query";
import { parseDashboardFilters } from "./dashboard-filters";

const IMPOSSIBLE = ["2024-99-99", "2024-00-00", "2024-01-00", "2024-13-01", "2023-02-29", "2024-04-31", "2024-1-01", "24-01-01", "2024-01-01T00:00:00Z", " 2024-01-01", ""];

describe("the one date rule", () => {
  it.each(IMPOSSIBLE)("refuses %j everywhere a date is read", (text) => {
    expect(isoDateText().safeParse(text).success).toBe(false);
    expect(isoDate().safeParse(text).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: text }).success).toBe(false);
    expect(parseFiguresQuery(new URLSearchParams({ from: text })).ok).toBe(false);
    expect(parseDashboardFilters({ from: text }).from).toBeUndefined();
  });

  it("accepts real days, leap days included, as text or as midnight UTC", () => {
    expect(isoDateText().parse("2024-02-29")).toBe("2024-02-29");
    expect(isoDate().parse("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(auditQuerySchema.parse({ from: "2024-02-29", to: "2024-03-01" })).toMatchObject({ from: "2024-02-29", to: "2024-03-01" });
  });

  it("says what it wants, or the message key it is given", () => {
    expect(isoDateText().safeParse("2024-99-99").error?.issues[0]?.message).toBe("must be a date written YYYY-MM-DD");
    expect(isoDateText("dateInvalid").safeParse("2024-99-99").error?.issues[0]?.message).toBe("dateInvalid");
  });
});
