import { describe, expect, it } from "vitest";
import { changePasswordSchema, commaList, createTokenSchema, createUserSchema, formErrors, scopeSchema } from "./users";

describe("user form schemas", () => {
  it("normalises the email and refuses a short password with a message key", () => {
    expect(createUserSchema.parse({ email: "  Ana@Example.ORG ", role: "analyst", password: "twelve-chars" })).toMatchObject({ email: "ana@example.org" });
    const bad = createUserSchema.safeParse({ email: "not-an-email", role: "root", password: "short" });
    expect(bad.success).toBe(false);
    expect(formErrors(bad.error!)).toEqual({ email: "email", role: "role", password: "passwordTooShort" });
  });

  it("a new password must be confirmed and differ from the current one", () => {
    const errors = (v: Record<string, string>) => {
      const r = changePasswordSchema.safeParse(v);
      return r.success ? {} : formErrors(r.error);
    };
    expect(errors({ current: "old-password-1", next: "new-password-12", confirm: "new-password-12" })).toEqual({});
    expect(errors({ current: "old-password-1", next: "new-password-12", confirm: "new-password-13" })).toEqual({ confirm: "passwordMismatch" });
    expect(errors({ current: "same-password-1", next: "same-password-1", confirm: "same-password-1" })).toEqual({ next: "passwordSame" });
    expect(errors({ current: "", next: "short", confirm: "short" })).toMatchObject({ current: "currentPassword", next: "passwordTooShort" });
  });

  it("a token needs a name and lives 1 to 365 days", () => {
    expect(createTokenSchema.parse({ name: " reports ", days: "90" })).toEqual({ name: "reports", days: 90 });
    expect(formErrors(createTokenSchema.safeParse({ name: "", days: "366" }).error!)).toEqual({ name: "tokenName", days: "tokenDays" });
    expect(formErrors(createTokenSchema.safeParse({ name: "x", days: "1.5" }).error!)).toEqual({ days: "tokenDays" });
  });
});

describe("scopeSchema", () => {
  it("takes region P-codes of level 1 (upper-cased) and dataset codes; empty lists mean everywhere", () => {
    expect(scopeSchema.parse({ regions: [" ml05 ", "ML06"], datasets: ["iom-dtm-mali"], readScoped: true })).toEqual({ regions: ["ML05", "ML06"], datasets: ["iom-dtm-mali"], readScoped: true });
    expect(scopeSchema.parse({ regions: [], datasets: [], readScoped: false })).toEqual({ regions: [], datasets: [], readScoped: false });
  });

  it("refuses a cercle, the country, a name or a bad dataset code, with the field's message key", () => {
    for (const region of ["ML0501", "ML", "Mopti"]) expect(formErrors(scopeSchema.safeParse({ regions: [region], datasets: [], readScoped: false }).error!)).toEqual({ regions: "scopeRegion" });
    expect(formErrors(scopeSchema.safeParse({ regions: [], datasets: ["Not A Code"], readScoped: false }).error!)).toEqual({ datasets: "scopeDataset" });
  });
});

describe("commaList", () => {
  it("splits the CLI's lists, dropping empty items; nothing is an empty list", () => {
    expect(commaList("ML05, ML06,,")).toEqual(["ML05", "ML06"]);
    expect(commaList(undefined)).toEqual([]);
    expect(commaList("")).toEqual([]);
  });
});
