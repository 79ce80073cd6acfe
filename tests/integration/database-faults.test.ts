// What users and API clients get when the database misbehaves, through the
// app's own route handlers, login and Server Actions, on a real server:
//   - max_connections all taken (53300): 503 database_unavailable, and a
//     login says the service is unavailable instead of blaming the password;
//   - read-only (default_transaction_read_only): reads work (a token's
//     last use and an export's audit event are bookkeeping, skipped), writes
//     answer 503 database_read_only, health says "read_only", a login says
//     it cannot be recorded (the lockout's counters are a security control).
// scripts/test-db-restart.ts checks the same through the built app over HTTP.
import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { encode, type JWT } from "next-auth/jwt";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedPostgres, type RunningDatabase } from "../../lib/db/embedded";
import { db, disconnectDb } from "../../lib/db/client";
import { createApiToken } from "../../lib/data/user-admin";
import { toSessionUser } from "../../lib/data/users";
import { prepareDatabase } from "../../lib/data/seed";
import { authOptions } from "../../lib/auth/options";
import { LOGIN_DATABASE_ERRORS } from "../../lib/auth/login-errors";
import { attemptLogin } from "../../lib/auth/login";
import { exportFigures } from "../../lib/api/figure-exports";
import { databaseDownSince } from "../../lib/db/availability";
import { GET as health } from "../../app/api/health/route";
import { GET as regions } from "../../app/api/v1/regions/route";
import { POST as createFigure } from "../../app/api/v1/figures/route";
import { POST as importFile } from "../../app/api/v1/imports/route";
import { GET as auditCsv } from "../../app/api/v1/audit.csv/route";
import { createUserAction } from "../../app/admin/actions";
import { codeOf, takeEveryConnection, type TakenConnections } from "../take-every-connection";

// The request the handlers see (next/headers): its Authorization header and cookies.
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ getAll: () => request.cookies, get: (name: string) => request.cookies.find((c) => c.name === name) }),
}));

const SECRET = "a test secret of sufficient length";
let dir: string;
let server: RunningDatabase;
let url: string;
let viewerToken: string;
let unusedToken: string;
let analystToken: string;
let adminToken: string;

function asBearer(token: string): void {
  request.headers = new Headers({ authorization: `Bearer ${token}` });
  request.cookies = [];
}

/** A signed-in session cookie, as next-auth sets it after a login (Server Actions take sessions only). */
async function asSession(email: string, password: string): Promise<void> {
  const outcome = await attemptLogin({ email, password, ip: "192.0.2.10" });
  if (!outcome.ok) throw new Error(`login failed: ${outcome.reason}`);
  const { user } = outcome;
  const jwt = authOptions.callbacks!.jwt! as (params: { token: JWT; user?: User }) => Promise<JWT> | JWT;
  const token = await jwt({ token: { email }, user: { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } as User });
  request.headers = new Headers();
  request.cookies = [{ name: "next-auth.session-token", value: await encode({ token, secret: SECRET }) }];
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SET default_transaction_read_only = off");
    return await work(c);
  } finally {
    await c.end();
  }
}

const authorize = (email: string, password: string) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> } }).options.authorize({ email, password }, { headers: { "x-client-ip": "192.0.2.20" } });

const get = (handler: (r: Request, c: never) => Promise<Response>, path: string) => handler(new Request(`http://localhost${path}`), {} as never);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  dir = await mkdtemp(path.resolve(".data-test/db-faults-"));
  server = await startEmbeddedPostgres(dir, undefined, { settings: { max_connections: "15" } });
  url = server.url;
  process.env.DATABASE_URL = url;
  await prepareDatabase(url, { demoUsers: true });
  viewerToken = await createApiToken("viewer@example.org", "reads");
  unusedToken = await createApiToken("viewer@example.org", "first used on a read-only database");
  analystToken = await createApiToken("analyst@example.org", "writes");
  adminToken = await createApiToken("admin@example.org", "audit");
});

afterAll(async () => {
  await disconnectDb();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("a database whose max_connections are all taken", () => {
  let taken: TakenConnections | null = null;

  async function fill(): Promise<void> {
    await disconnectDb(); // the app's pool has to open new connections
    taken = await takeEveryConnection(url);
    expect(codeOf(taken.refusal)).toBe("53300");
  }

  async function free(): Promise<void> {
    await taken?.release();
  }

  it("answers the API with 503 database_unavailable (Retry-After), and 200 once connections are free", async () => {
    asBearer(viewerToken);
    await fill();
    try {
      const refused = await get(regions, "/api/v1/regions");
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(await refused.json()).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });
      expect((await health()).status).toBe(503);
      // The HTTP server (scripts/database-gate.mjs) now answers 503 itself and probes.
      expect(databaseDownSince()).toBeGreaterThan(0);
    } finally {
      await free();
    }
    expect((await get(regions, "/api/v1/regions")).status).toBe(200);
  });

  it("a login with the right password says the service is unavailable, not that the password is wrong", async () => {
    await fill();
    try {
      await expect(authorize("viewer@example.org", "sr-demo-viewer-pass")).rejects.toThrow(LOGIN_DATABASE_ERRORS.unavailable);
    } finally {
      await free();
    }
    await expect(authorize("viewer@example.org", "sr-demo-viewer-pass")).resolves.toMatchObject({ email: "viewer@example.org" });
  });

  it("the HTTP server's gate answers 503 pages, API errors and login answers while the database stays full, and passes next-auth's CSRF and providers", async () => {
    const { answeredWhileDatabaseDown, reportDatabaseErrorsAs503 } = await import("../../scripts/database-gate.mjs");
    let handled: string[] = [];
    const http: Server = createServer((req, res) => {
      reportDatabaseErrorsAs503(res);
      void answeredWhileDatabaseDown(req, res).then((answered) => {
        if (answered) return;
        handled.push(req.url ?? "");
        res.writeHead(500).end("the app");
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    await fill();
    try {
      asBearer(viewerToken);
      expect((await get(regions, "/api/v1/regions")).status).toBe(503); // marks the database down
      await new Promise((r) => setTimeout(r, 300)); // past the gate's probe interval
      const page = await fetch(`${base}/figures`, { headers: { "accept-language": "fr" } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("La base de données est indisponible");
      const api = await fetch(`${base}/api/v1/regions`);
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ error: { code: "database_unavailable" } });
      const login = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST" });
      expect(login.status).toBe(503);
      const loginBody = (await login.json()) as { url: string };
      expect(new URL(loginBody.url).searchParams.get("error")).toBe(LOGIN_DATABASE_ERRORS.unavailable);
      handled = [];
      await fetch(`${base}/api/auth/csrf`);
      await fetch(`${base}/api/auth/providers`);
      expect(handled).toEqual(["/api/auth/csrf", "/api/auth/providers"]);
      await free();
      await new Promise((r) => setTimeout(r, 300));
      expect((await fetch(`${base}/figures`)).status).toBe(500); // back to the app (here a stub)
      expect(databaseDownSince()).toBe(0);
    } finally {
      await free();
      http.closeAllConnections();
      http.close();
    }
  });
});

describe("a read-only database", () => {
  const dbName = () => new URL(url).pathname.slice(1);

  beforeAll(async () => {
    await admin((c) => c.query(`ALTER DATABASE ${dbName()} SET default_transaction_read_only = on`));
    await disconnectDb(); // new sessions take the setting
  });

  afterAll(async () => {
    await admin((c) => c.query(`ALTER DATABASE ${dbName()} SET default_transaction_read_only = off`));
    await disconnectDb();
  });

  it("serves a Bearer GET although the token's first use cannot be recorded", async () => {
    expect((await db().apiToken.findFirstOrThrow({ where: { name: "first used on a read-only database" } })).lastUsedAt).toBeNull();
    asBearer(unusedToken);
    const answer = await get(regions, "/api/v1/regions");
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown[] }).data.length).toBeGreaterThan(10);
  });

  it("serves exports although their audit events cannot be recorded", async () => {
    const viewer = toSessionUser(await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } }));
    const csv = await exportFigures("csv", new URLSearchParams("indicator=idps&region=ML05"), viewer);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("ML05");
    asBearer(adminToken);
    const audit = await get(auditCsv, "/api/v1/audit.csv");
    expect(audit.status).toBe(200);
    expect(await audit.text()).toContain("user.create");
  });

  it("answers writes through the API with 503 database_read_only", async () => {
    asBearer(analystToken);
    const figure = { indicator: "idps", region: "ML05", periodStart: "2035-01-31", periodEnd: "2035-01-31", disaggregation: null, value: 1000, source: { organisation: "IOM DTM", title: "Read-only test", url: "https://dtm.iom.int/mali", date: "2035-02-01" }, note: null };
    const created = await createFigure(new Request("http://localhost/api/v1/figures", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(figure) }), {} as never);
    expect(created.status).toBe(503);
    expect(await created.json()).toEqual({ error: { code: "database_read_only", message: expect.stringMatching(/read-only/) } });

    const form = new FormData();
    form.set("file", new Blob(["region,date,idps\n#adm1+code,#date,#affected+idps+ind\nML05,2035-03-31,1200\n"], { type: "text/csv" }), "read-only.csv");
    form.set("sourceOrganisation", "Read-only test");
    const imported = await importFile(new Request("http://localhost/api/v1/imports", { method: "POST", body: form }), {} as never);
    expect(imported.status).toBe(503);
    expect(await imported.json()).toMatchObject({ error: { code: "database_read_only" } });
  });

  it("answers a Server Action's write with the read-only message, not a generic failure", async () => {
    await admin((c) => c.query(`ALTER DATABASE ${dbName()} SET default_transaction_read_only = off`));
    await disconnectDb();
    await asSession("admin@example.org", "sr-demo-admin-pass"); // the login writes: done while writable
    await admin((c) => c.query(`ALTER DATABASE ${dbName()} SET default_transaction_read_only = on`));
    await disconnectDb();
    const form = new FormData();
    for (const [k, v] of Object.entries({ email: "new@example.org", name: "New", role: "viewer", password: "a long enough password" })) form.set(k, v);
    const state = await createUserAction({ status: "idle" }, form);
    expect(state).toEqual({ status: "error", errors: { form: "database.readOnly" } });
  });

  it("says so at /api/health (200: reads are still served)", async () => {
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: "degraded", db: "read_only" });
  });

  it("refuses a login, saying the database is read-only: the lockout's counters cannot be written", async () => {
    await expect(authorize("viewer@example.org", "sr-demo-viewer-pass")).rejects.toThrow(LOGIN_DATABASE_ERRORS.read_only);
    await expect(authorize("viewer@example.org", "a wrong password")).rejects.toThrow(LOGIN_DATABASE_ERRORS.read_only);
  });
});
