import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: "admin" | "reviewer" | "analyst" | "viewer";
    /** The user's session version when the session was issued. */
    sv?: number;
    /** When the user logged in (seconds since the epoch): next-auth re-issues the JWT on use, so its own exp slides. */
    loginAt?: number;
  }
}
