import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildOnce } from "./build-once.ts";
import { fixtureDirectory } from "./fixture-directory.ts";
import { generatorFingerprint } from "./generator-fingerprint.ts";
import { pruneStaleFixtures } from "./prune-stale-fixtures.ts";

const pending = new Map<string, Promise<string>>();
const preparedDirectories = new Set<string>();

/**
 * Path of a generated model file, built on first use and then reused from the cache directory.
 * The file name is a content key: the generator sources' fingerprint, `name` and `options` (JSON).
 *
 * @example
 * const path = await fixtureModel("tiny-llama", (file) => writeTinyLlama(file, options), options);
 */
export function fixtureModel(
  name: string,
  build: (path: string) => Promise<void>,
  options: unknown = null,
): Promise<string> {
  const fingerprint = generatorFingerprint();
  const optionsKey = createHash("sha256")
    .update(JSON.stringify([name, options]))
    .digest("hex")
    .slice(0, 16);
  const directory = fixtureDirectory();
  const file = join(directory, `${name}-${fingerprint}-${optionsKey}.gguf`);
  let result = pending.get(file);
  if (result === undefined) {
    if (!preparedDirectories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      pruneStaleFixtures(directory, fingerprint);
      preparedDirectories.add(directory);
    }
    result = buildOnce(file, build).then(() => file);
    // A failed build should be retried by the next caller, not cached.
    result.catch(() => pending.delete(file));
    pending.set(file, result);
  }
  return result;
}
