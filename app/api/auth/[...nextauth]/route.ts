import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withLoginStatus } from "@/lib/auth/login-errors";

const handler = NextAuth(authOptions);

export { handler as GET };

/** A login the database stopped answers 503, not next-auth's 401 (lib/auth/login-errors.ts). */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return withLoginStatus(await handler(request, context));
}
