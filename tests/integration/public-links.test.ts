// Public read-only links against real PostgreSQL: who creates, sees and
// revokes which link, what a token resolves to (never an expired or revoked
// link), its last use, the audit trail, and the rate limit every instance shares.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";
import { migrate } from "../../lib/db/migrate";
import { db, disconnectDb } from "../../lib/db/client";
import { createUser } from "../../lib/data/users";
import { hashToken } from "../../lib/auth/tokens";
import { UNSCOPED, type Scope } from "../../lib/auth/scope";
import { createPublicLink, listPublicLinks, resolvePublicLink, revokePublicLink, type PublicLinkDto } from "../../lib/data/public-links";
import { throttlePublicLinkVisit } from "../../lib/data/public-link-throttle";
import { createPublicLinkEndpoint, listPublicLinksEndpoint, revokePublicLinkEndpoint } from "../../lib/api/public-links-endpoint";

type Actor = { id: number; role: "admin" | "reviewer" | "analyst" | "viewer"; scope: Scope };
let adm: Actor;
let rev: Actor;
let rev2: Actor;
let ana: Actor;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase("links");
  await migrate(process.env.DATABASE_URL);
  const user = async (email: string, name: string, role: Actor["role"]) => ({ id: (await createUser({ email, name, role, password: "a-long-enough-password" })).id, role, scope: UNSCOPED });
  adm = await user("adm@test.org", "Adm", "admin");
  rev = await user("rev@test.org", "Rev", "reviewer");
  rev2 = await user("rev2@test.org", "Rev Two", "reviewer");
  ana = await user("ana@test.org", "Ana", "analyst");
});

afterAll(async () => {
  await disconnectDb();
});

async function create(actor: Actor, label: string, path: string, days = 30): Promise<{ link: PublicLinkDto; token: string }> {
  const outcome = await createPublicLink(actor, { label, path, days });
  if (outcome.status !== "created") throw new Error(JSON.stringify(outcome));
  return outcome;
}

describe("public links", () => {
  it("creates a link whose token is shown once and stored only as its SHA-256; the token resolves to the page", async () => {
    const { link, token } = await create(rev, "Mopti snapshot", "/snapshot?region=ML05", 30);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().publicLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(30 * 86_400_000 - 5_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(30 * 86_400_000 + 5_000);
    expect(await resolvePublicLink(token)).toMatchObject({ id: link.id, path: "/snapshot?region=ML05", label: "Mopti snapshot" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "link.create", entityId: String(link.id) } });
    expect(audit.userId).toBe(rev.id);
    expect(JSON.stringify(audit.after)).not.toContain(token);
  });

  it("refuses an unlinkable page, an expiry beyond 365 days, and a role without links:manage", async () => {
    expect(await createPublicLink(adm, { label: "Figures", path: "/figures", days: 7 })).toEqual({ status: "invalid", fields: { path: "pathInvalid" } });
    expect(await createPublicLink(adm, { label: "Elsewhere", path: "https://evil.example/map", days: 7 })).toEqual({ status: "invalid", fields: { path: "pathInvalid" } });
    expect(await createPublicLink(adm, { label: "Long", path: "/map", days: 366 })).toEqual({ status: "invalid", fields: { days: "daysRange" } });
    expect(await createPublicLink(adm, { label: "Never", path: "/map", days: 0 })).toEqual({ status: "invalid", fields: { days: "daysRange" } });
    expect(await createPublicLink(ana, { label: "Map", path: "/map", days: 7 })).toEqual({ status: "forbidden" });
    // A reviewer whose reading is limited to Mopti would hand out what they may not read themselves (another region, national totals).
    const scopedReviewer = { ...rev, scope: { regions: ["ML05"], datasets: [], readScoped: true } };
    expect(await createPublicLink(scopedReviewer, { label: "Gao", path: "/regions/ML07", days: 7 })).toEqual({ status: "read_scoped" });
    expect((await createPublicLinkEndpoint(scopedReviewer, { label: "Gao", path: "/regions/ML07", days: 7 })).status).toBe(403);
    expect(await db().publicLink.count({ where: { label: { in: ["Figures", "Elsewhere", "Long", "Never", "Map"] } } })).toBe(0);
  });

  it("resolves neither an unknown, a malformed, an expired nor a revoked token", async () => {
    expect(await resolvePublicLink("A".repeat(43))).toBeNull();
    expect(await resolvePublicLink("short")).toBeNull();
    expect(await resolvePublicLink("")).toBeNull();
    const expired = await create(adm, "Expired", "/map", 1);
    await db().publicLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolvePublicLink(expired.token)).toBeNull();
    const revoked = await create(adm, "Revoked", "/funding", 1);
    expect(await revokePublicLink(adm, revoked.link.id)).toMatchObject({ status: "revoked", link: { state: "revoked" } });
    expect(await resolvePublicLink(revoked.token)).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "link.revoke", entityId: String(revoked.link.id) } });
    expect(audit.userId).toBe(adm.id);
  });

  it("records the last use to the minute", async () => {
    const { link, token } = await create(rev, "Map", "/map?indicator=idps");
    expect((await db().publicLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt).toBeNull();
    await resolvePublicLink(token);
    const first = (await db().publicLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await resolvePublicLink(token);
    expect((await db().publicLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt).toEqual(first);
    // A minute later, the next visit moves it on.
    await db().publicLink.update({ where: { id: link.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await resolvePublicLink(token);
    const later = (await db().publicLink.findUniqueOrThrow({ where: { id: link.id } })).lastUsedAt!;
    expect(Date.now() - later.getTime()).toBeLessThan(5_000);
    expect((await listPublicLinks(rev)).find((l) => l.id === link.id)?.lastUsedAt).toBe(later.toISOString());
  });

  it("admins list every link, reviewers their own; a reviewer revokes only their own", async () => {
    const mine = await create(rev2, "Rev Two's", "/regions/ML05");
    const others = await create(rev, "Rev's", "/compare?indicator=idps&region=ML");
    const forRev2 = await listPublicLinks(rev2);
    expect(forRev2.map((l) => l.label)).toEqual(["Rev Two's"]);
    expect(forRev2[0]).toMatchObject({ createdBy: { id: rev2.id, name: "Rev Two" }, state: "live", path: "/regions/ML05" });
    expect((await listPublicLinks(adm)).map((l) => l.label)).toEqual(expect.arrayContaining(["Rev Two's", "Rev's", "Mopti snapshot"]));
    expect(await listPublicLinks(ana)).toEqual([]);
    expect(await revokePublicLink(rev2, others.link.id)).toEqual({ status: "forbidden" });
    expect(await revokePublicLink(ana, mine.link.id)).toEqual({ status: "forbidden" });
    expect(await revokePublicLink(rev2, 999_999)).toEqual({ status: "not_found" });
    expect(await resolvePublicLink(others.token)).not.toBeNull();
    expect(await revokePublicLink(rev2, mine.link.id)).toMatchObject({ status: "revoked" });
    expect(await revokePublicLink(adm, others.link.id)).toMatchObject({ status: "revoked" });
  });

  it("the API: 201 with the token once, 400 with English messages, 403 on another's link, 204 on revoke", async () => {
    const created = await createPublicLinkEndpoint(rev, { label: "API", path: "/displacement?region=ML05", days: 10 });
    expect(created.status).toBe(201);
    const body = created.body as { data: PublicLinkDto & { token: string; url: string } };
    expect(body.data).toMatchObject({ label: "API", path: "/displacement?region=ML05", state: "live" });
    expect(body.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.data.url).toBe(`/p/${body.data.token}`);
    const listed = (await listPublicLinksEndpoint(rev)).body as { data: Record<string, unknown>[] };
    expect(listed.data.some((l) => l.id === body.data.id)).toBe(true);
    expect(listed.data.every((l) => !("token" in l) && !("tokenHash" in l))).toBe(true);
    const refused = await createPublicLinkEndpoint(rev, { label: "API", path: "/figures", days: 400 });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: "invalid_body", fields: { path: expect.stringContaining("/snapshot"), days: expect.stringContaining("365") } } } });
    expect(await revokePublicLinkEndpoint(rev2, String(body.data.id))).toMatchObject({ status: 403 });
    expect(await revokePublicLinkEndpoint(rev, "abc")).toMatchObject({ status: 400 });
    expect(await revokePublicLinkEndpoint(rev, "999999")).toMatchObject({ status: 404 });
    expect(await revokePublicLinkEndpoint(rev, String(body.data.id))).toEqual({ status: 204 });
  });

  it("rate-limits visits per client IP and per link, across instances (one table), with the wait until a slot frees", async () => {
    const policies = { ip: { limit: 3, windowSeconds: 60 }, link: { limit: 5, windowSeconds: 60 } };
    const token = "T".repeat(43);
    const fromA = await Promise.all([1, 2, 3, 4].map(() => throttlePublicLinkVisit("10.0.0.1", token, policies)));
    expect(fromA.filter((d) => d.allowed)).toHaveLength(3);
    const refused = fromA.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    // Another visitor still gets in, until the link's own budget (5) is spent.
    expect((await throttlePublicLinkVisit("10.0.0.2", token, policies)).allowed).toBe(true);
    expect((await throttlePublicLinkVisit("10.0.0.3", token, policies)).allowed).toBe(true);
    expect((await throttlePublicLinkVisit("10.0.0.4", token, policies)).allowed).toBe(false);
    // Another link is counted on its own.
    expect((await throttlePublicLinkVisit("10.0.0.5", "U".repeat(43), policies)).allowed).toBe(true);
    // Once the window has passed, the visitor is let in again.
    await db().$executeRaw`UPDATE login_throttles SET failures = ARRAY(SELECT f - interval '61 seconds' FROM unnest(failures) f) WHERE key LIKE 'rate:%'`;
    expect((await throttlePublicLinkVisit("10.0.0.1", token, policies)).allowed).toBe(true);
  });
});
