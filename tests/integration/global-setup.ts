// One real PostgreSQL server for the integration suite: the embedded one in a
// fresh directory, or the server named by TEST_DATABASE_URL.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningDatabase } from "../../lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

let server: RunningDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    // A directory per run, so two runs (or two developers) never collide.
    await mkdir(".data-test", { recursive: true });
    dir = await mkdtemp(path.resolve(".data-test/integration-"));
    server = await startEmbeddedPostgres(dir);
    url = server.url;
  }
  project.provide("serverUrl", url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
