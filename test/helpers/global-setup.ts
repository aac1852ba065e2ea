import { ensurePgliteSeed } from "@llama-stack-ts/core";

/** Every test database boots from the saved PGlite cluster (≈0.5 s instead of ≈5 s). */
export default async function setup(): Promise<void> {
  await ensurePgliteSeed();
}
