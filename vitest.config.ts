import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,apps,safety,tools,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["./test/helpers/global-setup.ts"],
    // Real servers, real embedded Postgres, real child processes: give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: ".vitest/report.json" }]],
  },
});
