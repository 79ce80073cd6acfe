import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", "node_modules/**", ".data/**", ".data-test/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
