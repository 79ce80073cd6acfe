// Types of scripts/database-gate.mjs (plain JavaScript, run by scripts/serve.mjs) for the tests.
import type { IncomingMessage, ServerResponse } from "node:http";

export function answeredWhileDatabaseDown(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
export function reportDatabaseErrorsAs503(res: ServerResponse): void;
