// One instance's first start, as scripts/start.ts runs it, in a process of its
// own (tests/integration/instances.test.ts runs two at once). It waits until
// the moment given as its argument, so that both start together.
import { prepareDatabase } from "../../../lib/data/seed";
import { disconnectDb } from "../../../lib/db/client";

const startAt = Number(process.argv[2] ?? 0);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const { applied, seeded } = await prepareDatabase(process.env.DATABASE_URL!, { demoUsers: true });
console.log(JSON.stringify({ applied: applied.length, seeded: seeded !== null }));
await disconnectDb();
