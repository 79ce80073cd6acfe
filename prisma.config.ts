import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here (the schema engine cannot be downloaded on
// this network); migrations are plain SQL applied by lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
