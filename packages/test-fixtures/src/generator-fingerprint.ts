import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

const cache = new Map<string, string>();

/**
 * Hash of this package's version and the generator sources in `directory` (default: this
 * folder): editing a generator changes every cache key, so stale models are never reused.
 */
export function generatorFingerprint(directory: URL = new URL("./", import.meta.url)): string {
  const known = cache.get(directory.href);
  if (known !== undefined) return known;
  const hash = createHash("sha256");
  hash.update(readFileSync(new URL("../package.json", import.meta.url)));
  const sources = readdirSync(directory)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .sort();
  for (const file of sources) hash.update(file).update(readFileSync(new URL(file, directory)));
  const fingerprint = hash.digest("hex").slice(0, 12);
  cache.set(directory.href, fingerprint);
  return fingerprint;
}
