// The app's pg pool. pg reports some connection failures with no code at all
// (the pool's own "timeout exceeded when trying to connect", a connection
// that times out or closes unexpectedly): they are marked here, where they
// are known to be connection failures, so lib/db/errors.ts can tell them
// apart by type rather than by their text.
import pg from "pg";
import { markConnectionFailure } from "./errors";

/** A pool connection: an error the connection itself emits (socket closed or broken) is a connection failure. */
class AppClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Emitted before pg hands the same error to the queries that were waiting on this connection.
    this.on("error", markConnectionFailure);
  }
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

class AppPool extends pg.Pool {
  // pool.query() goes through connect(callback) too.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) {
      return super.connect().catch((error: unknown) => {
        throw markConnectionFailure(error);
      });
    }
    super.connect((error, client, done) => callback(error && markConnectionFailure(error), client, done));
  }
}

export function createPool(config: pg.PoolConfig): pg.Pool {
  return new AppPool({ ...config, Client: AppClient });
}
