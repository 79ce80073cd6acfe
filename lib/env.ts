// The one place that reads process.env: every setting, validated.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server, or a PgBouncer in transaction mode in front of it; when unset, an embedded server runs in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The server itself when DATABASE_URL is a pooler: migrations and the
   * migration lock (a session's advisory lock), backup and restore go there.
   * Unset: DATABASE_URL is the server.
   */
  DATABASE_DIRECT_URL: z.string().url().optional(),
  /** Connections each process (each Next.js worker, the export process) opens at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Next.js's key for Server Action ids and closures: the same on every instance (and build), else a form served by one instance fails on another. */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && [16, 24, 32].includes(Buffer.from(v, "base64").length), "must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)")
    .optional(),
  /** Seed demo accounts (admin, analyst, viewer) on an empty database. */
  SEED_DEMO_USERS: z.enum(["true", "false"]).default("true"),
  /** Behind a reverse proxy: take the client's address for the login limit from its X-Forwarded-For (read by scripts/serve.mjs). */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Heavy exports (figure files, the audit CSV, the PDF) running at once: per user, and in all on this instance. */
  EXPORT_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  EXPORT_MAX_TOTAL: z.coerce.number().int().min(1).max(1000).default(4),
  /** scripts/serve.mjs runs heavy exports in a process of their own at a lower CPU priority (read there). */
  EXPORT_WORKER: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable counts as unset (DATABASE_URL= means "use the embedded server").
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/** The database URL, read when first needed (tests point it at their own database). */
export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it");
  return url;
}

/** DATABASE_POOL_SIZE: the most connections this process opens. */
export function databasePoolSize(): number {
  return readEnv().DATABASE_POOL_SIZE;
}

/** The public URL (NEXTAUTH_URL), if set: its host is accepted as an Origin, and https there means HSTS. */
export function publicUrl(): URL | null {
  const value = process.env.NEXTAUTH_URL;
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** How many heavy exports may run at once (lib/api/export-gate.ts). */
export function exportLimits(): { perUser: number; total: number } {
  const env = readEnv();
  return { perUser: env.EXPORT_MAX_PER_USER, total: env.EXPORT_MAX_TOTAL };
}

/**
 * Where this server reaches itself: the loopback address, or HOST when it
 * names one interface. The PDF's Chromium loads the snapshot page here, never
 * at the address a request came through (0.0.0.0, or https:// behind a TLS proxy).
 */
export function internalOrigin(): string {
  const { HOST, PORT } = readEnv();
  const host = ["0.0.0.0", "::", "localhost"].includes(HOST) ? "127.0.0.1" : HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${PORT}`;
}

/** Which of scripts/serve.mjs's processes this is: "export" for the heavy exports' process, else a web worker (or dev). */
export function isExportProcess(): boolean {
  return process.env.SR_WORKER_ROLE === "export";
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}
