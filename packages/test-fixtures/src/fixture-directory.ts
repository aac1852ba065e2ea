import { fileURLToPath } from "node:url";

/** Where generated models live: `LLAMA_STACK_TS_FIXTURE_DIR`, else this package's `node_modules/.cache`. */
export function fixtureDirectory(): string {
  return (
    process.env.LLAMA_STACK_TS_FIXTURE_DIR ??
    fileURLToPath(new URL("../node_modules/.cache/llama-stack-ts/models/", import.meta.url))
  );
}
