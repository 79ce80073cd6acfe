import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { noteDatabaseFailure } from "@/lib/db/availability";

export const dynamic = "force-dynamic";

/**
 * Liveness and the database's state, for load balancers and monitors (no
 * auth): 200 "ok"; 200 "read_only" when it refuses writes (a standby, or
 * default_transaction_read_only: reads are still served); 503 when unreachable.
 */
export async function GET() {
  try {
    const [row] = await Promise.race([
      db().$queryRaw<{ readOnly: boolean }[]>`SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery() AS "readOnly"`,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000)),
    ]);
    if (row?.readOnly) return NextResponse.json({ status: "degraded", db: "read_only" });
    return NextResponse.json({ status: "ok", db: "ok" });
  } catch (error) {
    noteDatabaseFailure(error);
    return NextResponse.json({ status: "error", db: "unavailable" }, { status: 503 });
  }
}
