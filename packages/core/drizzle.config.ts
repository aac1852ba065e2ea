import { defineConfig } from "drizzle-kit";

// `pnpm db:generate` writes a new migration into ./migrations after a schema change; commit it.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/storage/schema.ts",
  out: "./migrations",
});
