import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

/**
 * PGlite runs initdb in WASM on every new database (≈4–5 s on a small CPU). A freshly initialised,
 * empty cluster saved once as a tarball boots in ≈0.4 s, so new data dirs and test databases start
 * from it. The seed holds no schema or data of ours; migrations run after loading it as usual.
 */
export function pgliteSeedPath(env: NodeJS.ProcessEnv = process.env): string {
  // Beside the install (like other tools' node_modules/.cache), so every data dir and home shares it.
  const dir =
    env.LLAMA_STACK_TS_CACHE_DIR ||
    fileURLToPath(new URL("../../node_modules/.cache/llama-stack-ts/", import.meta.url));
  return join(dir, `pglite-seed-${pgliteVersion()}.tar`);
}

export async function readPgliteSeed(env: NodeJS.ProcessEnv = process.env): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(pgliteSeedPath(env))]);
  } catch {
    return undefined;
  }
}

/** Create the seed if it is missing; returns its path. Safe to run concurrently (atomic rename). */
export async function ensurePgliteSeed(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const path = pgliteSeedPath(env);
  if (await readPgliteSeed(env)) return path;
  const db = await PGlite.create({ extensions: { vector } });
  try {
    const dump = await db.dumpDataDir("none");
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await rename(tmp, path);
  } finally {
    await db.close();
  }
  return path;
}

/** The exact PGlite version this package pins (its package.json exports no `./package.json`). */
function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const own = require("../../package.json") as { dependencies: Record<string, string> };
  return own.dependencies["@electric-sql/pglite"] ?? "unknown";
}
