import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { isDatabaseDown, markDatabaseDown } from "@/lib/db/availability";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and monitors (no auth). */
export async function GET() {
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000)),
    ]);
    return NextResponse.json({ status: "ok", db: "ok" });
  } catch (error) {
    if (isDatabaseDown(error)) markDatabaseDown();
    return NextResponse.json({ status: "error", db: "unavailable" }, { status: 503 });
  }
}
