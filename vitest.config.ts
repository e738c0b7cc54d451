import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // Property and exhaustive tests take seconds on a CI machine busy with other work: the
        // timeout is a safety net against hangs, not a speed check (benchmarks measure speed).
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node", testTimeout: 20_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two files at a time suits a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
