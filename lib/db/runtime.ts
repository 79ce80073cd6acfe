// Which PostgreSQL the app and the CLI use: DATABASE_URL when set (nothing is
// started), else the embedded server in DATA_DIR (reused if already running).
import { readEnv } from "../env";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";

export interface OpenDatabase extends RunningDatabase {
  /** The server itself (DATABASE_DIRECT_URL when DATABASE_URL is a pooler): migrations, the migration lock, backup and restore. */
  directUrl: string;
}

export async function openDatabase(log: (message: string) => void = () => {}): Promise<OpenDatabase> {
  const env = readEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, directUrl: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL, owned: false, stop: async () => {} };
  if (env.DATABASE_DIRECT_URL) throw new Error("DATABASE_DIRECT_URL is set without DATABASE_URL: set both (the pooler and the server behind it), or neither for the embedded server");
  const embedded = await startEmbeddedPostgres(env.DATA_DIR, log);
  return { ...embedded, directUrl: embedded.url };
}
