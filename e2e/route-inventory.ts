// Every page and route handler under app/, read from the files themselves, with
// the permission each one demands: the authorization matrix tests them all, so
// a new route is covered (or fails the test) without anyone listing it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PERMISSIONS, ROLES, type Permission, type Role } from "../lib/auth/permissions";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface PageRoute {
  file: string;
  path: string;
  /** null: open to anyone signed in (or public, see PUBLIC_PAGES). A page that calls requireReader (one a public link may show) is checked with its permission like requireUser's. */
  permission: Permission | null;
}
export interface ApiRoute {
  file: string;
  path: string;
  method: Method;
  permission: Permission | null;
}

/** Opened without signing in by whoever holds a token in the address (a public read-only link): never a login redirect; an unknown token is a 404. */
export const TOKEN_PAGES = new Set(["/p/1"]);
/** Reachable without signing in. */
export const PUBLIC_PAGES = new Set(["/login", ...TOKEN_PAGES]);
export const PUBLIC_API = [/^\/api\/auth\//, /^\/api\/health$/];
/** Pages that check the session themselves rather than through requireUser (explained in each file). */
const SESSION_ONLY_PAGES = new Set(["/forbidden", "/account/password"]);

/** Functions that build a withApi handler, and the permission they pass it (see each one). */
const ROUTE_FACTORIES: Record<string, Permission> = { figureExportRoute: "exports:read", sitrepRoute: "exports:read" };

const SAMPLE_PARAMS: Record<string, string> = { id: "1", pcode: "ML05", "...nextauth": "session" };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function urlPath(appDir: string, file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s)) // route groups add no segment
    .map((s) => (s.startsWith("[") ? (SAMPLE_PARAMS[s.replace(/^\[+|\]+$/g, "")] ?? "1") : s));
  return "/" + segments.join("/");
}

function isPermission(value: string): value is Permission {
  return value in PERMISSIONS;
}

export function inventory(appDir: string): { pages: PageRoute[]; api: ApiRoute[]; problems: string[] } {
  const pages: PageRoute[] = [];
  const api: ApiRoute[] = [];
  const problems: string[] = [];
  for (const file of walk(appDir).sort()) {
    const rel = path.relative(path.dirname(appDir), file);
    const source = readFileSync(file, "utf8");
    if (file.endsWith("page.tsx")) {
      const route = urlPath(appDir, file);
      // requireReader: a page a public link may also show (lib/auth/reader.ts); signed in, it demands the same.
      const match = /require(?:User|Reader)\(\s*(?:"([^"]+)")?\s*\)/.exec(source);
      if (match) {
        const permission = match[1] ?? "figures:read";
        if (!isPermission(permission)) problems.push(`${rel}: unknown permission "${permission}"`);
        else pages.push({ file: rel, path: route, permission });
      } else if (PUBLIC_PAGES.has(route) || SESSION_ONLY_PAGES.has(route)) {
        pages.push({ file: rel, path: route, permission: null });
      } else {
        problems.push(`${rel}: a page that never calls requireUser() or requireReader()`);
      }
    }
    if (file.endsWith("route.ts")) {
      const route = urlPath(appDir, file);
      const isPublic = PUBLIC_API.some((re) => re.test(route));
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(?:const\\s+${method}\\s*=|(?:async\\s+)?function\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`).exec(source);
        if (!exported) continue;
        const wrapped = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*withApi(?:<.*?>)?\\(\\s*"([^"]+)"`).exec(source);
        const factory = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*(\\w+)\\(`).exec(source)?.[1];
        if (wrapped && isPermission(wrapped[1]!)) api.push({ file: rel, path: route, method, permission: wrapped[1] });
        else if (factory && factory in ROUTE_FACTORIES) api.push({ file: rel, path: route, method, permission: ROUTE_FACTORIES[factory]! });
        else if (isPublic) api.push({ file: rel, path: route, method, permission: null });
        else problems.push(`${rel}: ${method} is not wrapped in withApi("<permission>", …)`);
      }
    }
  }
  return { pages, api, problems };
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => (PERMISSIONS[permission] as readonly Role[]).includes(r));
}
