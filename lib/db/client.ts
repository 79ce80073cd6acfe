// One Prisma client per process (hot reload would otherwise open a new pool
// on every change and exhaust connections).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "../env";

export type Db = PrismaClient;

export function createDb(url: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 }),
  });
}

const globalForDb = globalThis as unknown as { situationRoomDb?: Db };

export function db(): Db {
  globalForDb.situationRoomDb ??= createDb(databaseUrl());
  return globalForDb.situationRoomDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.situationRoomDb?.$disconnect();
  globalForDb.situationRoomDb = undefined;
}
