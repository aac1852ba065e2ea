import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,apps,safety,tools,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    // Real servers and embedded Postgres: give start-up room, run files in parallel forks.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
