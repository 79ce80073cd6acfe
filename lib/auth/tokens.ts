// API tokens: random, shown once; only their SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "sr_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** A public link's token: 256 random bits, base64url (43 characters), in the link's address. */
export function generatePublicLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export const PUBLIC_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
