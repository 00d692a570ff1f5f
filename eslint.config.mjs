// Lint gate (part of `npm test`): Next's rules (React, React Hooks, @next/next, Core Web Vitals) and the
// TypeScript rules. Formatting is Prettier's (`npm run format:check`), so no style rules here.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "test-results-*/**",
    "bench/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
