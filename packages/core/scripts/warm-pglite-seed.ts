// Run by the workspace's postinstall: saves an initialised embedded cluster so that the first
// `llama-stack-ts run` and every test database start in well under a second. Never fails install.
import { ensurePgliteSeed } from "../src/storage/pglite-seed.ts";

try {
  const started = performance.now();
  const path = await ensurePgliteSeed();
  console.log(`pglite seed ready: ${path} (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.warn(`pglite seed not created (start-up will be slower): ${(error as Error).message}`);
}
