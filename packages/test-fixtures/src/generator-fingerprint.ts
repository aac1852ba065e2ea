import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

let fingerprint: string | undefined;

/**
 * Hash of this package's version and generator sources: editing a generator changes every
 * cache key, so stale models are never reused.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  hash.update(readFileSync(new URL("../package.json", import.meta.url)));
  const sourceDirectory = new URL("./", import.meta.url);
  const sources = readdirSync(sourceDirectory)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .sort();
  for (const file of sources) hash.update(file).update(readFileSync(new URL(file, sourceDirectory)));
  fingerprint = hash.digest("hex").slice(0, 12);
  return fingerprint;
}
