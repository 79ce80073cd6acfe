// A fresh, empty database per test file on the suite's server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

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
