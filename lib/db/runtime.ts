// Which PostgreSQL the app and the CLI use: DATABASE_URL when set (nothing is
// started), else the embedded server in DATA_DIR (reused if already running).
import { readEnv } from "../env";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded";

export async function openDatabase(log: (message: string) => void = () => {}): Promise<RunningDatabase> {
  const env = readEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, owned: false, stop: async () => {} };
  return startEmbeddedPostgres(env.DATA_DIR, log);
}
