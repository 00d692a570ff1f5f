// Lint gate (part of `npm test`): Next's rules (React, React Hooks, @next/next, Core Web Vitals) and the
// TypeScript rules. Formatting is Prettier's (`npm run format:check`), so no style rules here.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // a leading underscore marks what is left out on purpose (`const { a: _a, ...rest } = row`)
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // tests and benchmarks read JSON of a shape they then assert (API answers, results files)
    files: ["**/*.test.ts", "e2e/**", "scripts/bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Playwright fixtures hand their value on with a function named `use`, which is not React's
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
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
