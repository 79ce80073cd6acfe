// A fresh, empty database per test file on the suite's server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { seed } from "../../lib/data/seed";

export async function createTestDatabase(prefix = "t"): Promise<string> {
  const serverUrl = new URL(inject("serverUrl"));
  const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  serverUrl.pathname = `/${name}`;
  return serverUrl.toString();
}

/**
 * For a test file on the demo data: a fresh database, migrated and seeded
 * (without demo users) before its tests, disconnected after them.
 */
export function withSeededDatabase(prefix: string): void {
  beforeAll(async () => {
    process.env.DATABASE_URL = await createTestDatabase(prefix);
    await migrate(process.env.DATABASE_URL);
    await seed({ demoUsers: false });
  });
  afterAll(async () => {
    await disconnectDb();
  });
}
