import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      ".next/**",
      ".data/**",
      "drizzle/**",
      "node_modules/**",
      "bench-results/**",
      "test-results/**",
      "playwright-report/**",
      "src/emulator/schema/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { secret: _, ...rest } = value` is how we drop a field; the rest is what is used.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
      // From eslint:recommended: a control character in a regex is a mistake unless it is marked
      // as meant (the sanitizers' NUL-and-friends patterns are).
      "no-control-regex": "error",
    },
  },
];

export default config;
