import { describe, expect, it } from "vitest";
import { accessRefusal, can, canDeleteSavedView, canEditSavedView, PERMISSIONS, ROLES } from "./permissions";

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
    expect(can("viewer", "events:write")).toBe(false);
    expect(can("analyst", "events:write")).toBe(true);
    expect(can("admin", "events:write")).toBe(true);
  });
  it("keeps user management and the audit log to admins", () => {
    for (const permission of ["users:manage", "audit:read"] as const) {
      expect(PERMISSIONS[permission]).toEqual(["admin"]);
    }
  });
});

describe("accessRefusal (pages, Server Actions and the API)", () => {
  it("follows the table for a user in good standing", () => {
    expect(accessRefusal({ role: "viewer", mustChangePassword: false }, "figures:read")).toBeNull();
    expect(accessRefusal({ role: "viewer", mustChangePassword: false }, "figures:write")).toBe("forbidden");
  });
  it("refuses everything to a user who must change their password, whatever the role", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(accessRefusal({ role: "admin", mustChangePassword: true }, permission)).toBe("password_change_required");
    }
  });
});

describe("saved views (the record, not only the role)", () => {
  const owner = { id: 1, role: "viewer" as const };
  it("lets every role save views; only the owner changes one", () => {
    for (const role of ROLES) expect(can(role, "views:save")).toBe(true);
    expect(canEditSavedView(owner, { userId: 1 })).toBe(true);
    expect(canEditSavedView({ id: 2 }, { userId: 1 })).toBe(false);
  });
  it("lets the owner delete, and an admin delete only what was shared with everyone", () => {
    expect(canDeleteSavedView(owner, { userId: 1, shared: false })).toBe(true);
    expect(canDeleteSavedView({ id: 2, role: "analyst" }, { userId: 1, shared: true })).toBe(false);
    expect(canDeleteSavedView({ id: 3, role: "admin" }, { userId: 1, shared: false })).toBe(false);
    expect(canDeleteSavedView({ id: 3, role: "admin" }, { userId: 1, shared: true })).toBe(true);
  });
});
