import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/respond";
import { listUsers } from "@/lib/data/user-admin";

export const dynamic = "force-dynamic";

/** Every user (admins only): id, email, name, role, active, mustChangePassword, createdAt, lastLoginAt, activeTokens. */
export const GET = withApi("users:manage", async () => NextResponse.json({ data: await listUsers() }));
