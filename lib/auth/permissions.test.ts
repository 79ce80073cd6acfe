import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "./permissions";

describe("the permission table", () => {
  it("lets every role read and export", () => {
    for (const role of ROLES) {
      expect(can(role, "figures:read")).toBe(true);
      expect(can(role, "exports:read")).toBe(true);
    }
  });
  it("lets analysts and admins write, never viewers", () => {
    expect(can("viewer", "figures:write")).toBe(false);
    expect(can("viewer", "imports:write")).toBe(false);
    expect(can("analyst", "figures:write")).toBe(true);
    expect(can("admin", "imports:write")).toBe(true);
  });
  it("keeps user management and the audit log to admins", () => {
    for (const permission of ["users:manage", "audit:read"] as const) {
      expect(PERMISSIONS[permission]).toEqual(["admin"]);
    }
  });
});
