import { describe, expect, it } from "vitest";
import { LOGIN_DATABASE_ERRORS, loginErrorOf, withLoginStatus } from "./login-errors";

/** next-auth's answer to a credentials login posted with json=true. */
const nextAuthAnswer = (error: string, status = 401) =>
  new Response(JSON.stringify({ url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent(error)}` }), { status, headers: { "content-type": "application/json" } });

describe("withLoginStatus", () => {
  it("turns next-auth's 401 into a 503 when the database stopped the login, keeping the body the form reads", async () => {
    for (const code of Object.values(LOGIN_DATABASE_ERRORS)) {
      const answer = await withLoginStatus(nextAuthAnswer(code));
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(loginErrorOf(((await answer.json()) as { url: string }).url)).toBe(code);
    }
  });

  it("leaves wrong passwords, other errors and successes as next-auth answers them", async () => {
    expect((await withLoginStatus(nextAuthAnswer("CredentialsSignin"))).status).toBe(401);
    expect((await withLoginStatus(nextAuthAnswer("LoginFailed"))).status).toBe(401);
    const ok = new Response(JSON.stringify({ url: "http://localhost:3000/" }), { status: 200, headers: { "content-type": "application/json" } });
    expect(await withLoginStatus(ok)).toBe(ok);
    const redirect = new Response(null, { status: 302, headers: { location: "/api/auth/error?error=DatabaseUnavailable" } });
    expect(await withLoginStatus(redirect)).toBe(redirect);
  });
});

describe("loginErrorOf", () => {
  it("reads the error code of absolute and relative URLs, and nothing else", () => {
    expect(loginErrorOf("http://x/api/auth/error?error=DatabaseReadOnly")).toBe("DatabaseReadOnly");
    expect(loginErrorOf("/api/auth/error?error=CredentialsSignin")).toBe("CredentialsSignin");
    expect(loginErrorOf("http://x/")).toBeNull();
    expect(loginErrorOf(undefined)).toBeNull();
  });
});
