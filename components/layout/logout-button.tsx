"use client";
// Logs out through next-auth's own endpoints (CSRF token, then POST signout)
// without shipping next-auth/react (11 kB gzipped) to every page.
export function LogoutButton({ label }: { label: string }) {
  async function logOut() {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
    });
    // A full navigation on purpose: it drops the client router cache of signed-in pages.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
  return (
    <button type="button" className="button-link" onClick={() => void logOut()}>
      {label}
    </button>
  );
}
