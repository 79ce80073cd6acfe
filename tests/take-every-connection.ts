// For the database-fault tests: opens connections to `url` until the server
// refuses one (max_connections reached), and returns them with that refusal.
// Used by the integration tests and scripts/test-db-restart.ts.
import pg from "pg";

export interface TakenConnections {
  held: pg.Client[];
  /** The connection error the server answered with (53300 when it is full). */
  refusal: unknown;
  release(): Promise<void>;
}

export async function takeEveryConnection(url: string): Promise<TakenConnections> {
  const held: pg.Client[] = [];
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      held.push(c);
    } catch (refusal) {
      return { held, refusal, release: async () => void (await Promise.all(held.splice(0).map((h) => h.end()))) };
    }
  }
}

/** The SQLSTATE of a refusal, if it has one. */
export const codeOf = (error: unknown): string => String((error as { code?: string } | null)?.code);
