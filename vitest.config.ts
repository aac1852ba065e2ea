import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,apps,safety,tools,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["./test/helpers/global-setup.ts"],
    // Real servers and embedded Postgres: give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
