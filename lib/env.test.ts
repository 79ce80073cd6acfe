import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

const withKey = (key: string): NodeJS.ProcessEnv => ({ NODE_ENV: "test", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key });

describe("readEnv: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", () => {
  it("takes a base64 AES key of 16, 24 or 32 bytes, and an empty one as unset", () => {
    for (const bytes of [16, 24, 32]) {
      const key = randomBytes(bytes).toString("base64");
      expect(readEnv(withKey(key)).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    }
    expect(readEnv(withKey("")).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeUndefined();
  });

  it("refuses anything else at start, naming the variable", () => {
    for (const bad of ["a passphrase, not a key", randomBytes(20).toString("base64"), randomBytes(32).toString("hex")]) {
      expect(() => readEnv(withKey(bad))).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be a base64 AES key/);
    }
  });
});

describe("readEnv: the pooler's settings", () => {
  it("takes DATABASE_POOL_SIZE from 1 to 100 (10 unset) and refuses anything else, naming the variable", () => {
    expect(readEnv({ NODE_ENV: "test" }).DATABASE_POOL_SIZE).toBe(10);
    expect(readEnv({ NODE_ENV: "test", DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    for (const bad of ["0", "101", "2.5", "ten"]) expect(() => readEnv({ NODE_ENV: "test", DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("takes DATABASE_DIRECT_URL as a URL, and refuses what is not one", () => {
    expect(readEnv({ NODE_ENV: "test", DATABASE_DIRECT_URL: "postgresql://u:p@db:5432/sr" }).DATABASE_DIRECT_URL).toBe("postgresql://u:p@db:5432/sr");
    expect(() => readEnv({ NODE_ENV: "test", DATABASE_DIRECT_URL: "the database server" })).toThrow(/DATABASE_DIRECT_URL/);
  });
});
