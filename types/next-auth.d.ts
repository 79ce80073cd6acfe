import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: "admin" | "analyst" | "viewer";
    /** The user's session version when the session was issued. */
    sv?: number;
  }
}
