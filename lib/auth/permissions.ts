// The one table of rights. Every page, Server Action and route handler asks
// `can(role, permission)`; the proxy only redirects anonymous visitors. What a
// role may do is then limited, on the record itself, by the user's scope
// (lib/auth/scope.ts) and a figure's review status (lib/auth/visibility.ts).
/** From most to least: viewer < analyst < reviewer < admin. */
export const ROLES = ["admin", "reviewer", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "figures:read": ["admin", "reviewer", "analyst", "viewer"],
  "figures:write": ["admin", "reviewer", "analyst"],
  /** Approve or return what others submitted, within one's scope (never one's own: four eyes). */
  "figures:review": ["admin", "reviewer"],
  "figures:restore": ["admin"],
  "imports:write": ["admin", "reviewer", "analyst"],
  /** Create datasets (a partner's series, a new report). */
  "datasets:write": ["admin", "reviewer", "analyst"],
  /** Change which dataset each indicator draws first, and whether a dataset needs review. */
  "datasets:prefer": ["admin"],
  /** Add, change and delete the dated events the charts mark (everyone with figures:read sees them). */
  "events:write": ["admin", "reviewer", "analyst"],
  "exports:read": ["admin", "reviewer", "analyst", "viewer"],
  /** Create and revoke public read-only links (admins see and revoke everyone's). */
  "links:manage": ["admin", "reviewer"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  /** Save views (a page and its filters) of one's own, and share them. */
  "views:save": ["admin", "reviewer", "analyst", "viewer"],
  /** Delete a view someone else shared with everyone. */
  "views:moderate": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * Why a signed-in user may not do what `permission` covers, or null when they
 * may. A user whose password an admin reset may do nothing before changing it,
 * on pages, Server Actions and the API alike.
 */
export function accessRefusal(user: { role: Role; mustChangePassword: boolean }, permission: Permission): "password_change_required" | "forbidden" | null {
  if (user.mustChangePassword) return "password_change_required";
  return can(user.role, permission) ? null : "forbidden";
}

/** A saved view is changed only by its owner. */
export function canEditSavedView(user: { id: number }, view: { userId: number }): boolean {
  return view.userId === user.id;
}

/** A saved view is deleted by its owner, or, once shared with everyone, by an admin. */
export function canDeleteSavedView(user: { id: number; role: Role }, view: { userId: number; shared: boolean }): boolean {
  return canEditSavedView(user, view) || (view.shared && can(user.role, "views:moderate"));
}

/** A public link is revoked by its creator, or by an admin (reviewers manage their own links only). */
export function canRevokePublicLink(user: { id: number; role: Role }, link: { createdById: number | null }): boolean {
  return can(user.role, "links:manage") && (link.createdById === user.id || user.role === "admin");
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
