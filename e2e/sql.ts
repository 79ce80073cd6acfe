// Runs one SQL statement on the e2e app's database and prints the rows as
// JSON: for specs that need a state no page makes yet (an unpublished figure
// before the review workflow's forms). `node --import tsx e2e/sql.ts "<SQL>"`.
import { openDatabase } from "../lib/db/runtime";
import { db, disconnectDb } from "../lib/db/client";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  const rows = await db().$queryRawUnsafe<unknown[]>(process.argv[2]!);
  console.log(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value)));
} finally {
  await disconnectDb();
  await database.stop();
}
