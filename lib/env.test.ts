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
