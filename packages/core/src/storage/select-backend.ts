import { ConfigError } from "../config/load-run-config.ts";
import type { RunConfig, StorageBackend } from "../config/run-config-schema.ts";

/**
 * The Stack keeps all state in one database so that replicas can share it. Every store in
 * `storage.stores` must therefore name the same backend; with no backends the default is PGlite.
 */
export function selectBackend(storage: RunConfig["storage"]): StorageBackend | null {
  const names = Object.keys(storage.backends);
  if (names.length === 0) return null;
  const referenced = new Set(Object.values(storage.stores).map((store) => store.backend));
  for (const [store, ref] of Object.entries(storage.stores)) {
    if (!(ref.backend in storage.backends)) {
      throw new ConfigError(
        `storage.stores.${store}.backend: unknown backend '${ref.backend}' (defined: ${names.join(", ")})`,
      );
    }
  }
  const chosen = referenced.size > 0 ? [...referenced] : names;
  const unique = new Set(chosen.map((name) => JSON.stringify(storage.backends[name])));
  if (unique.size > 1) {
    throw new ConfigError(
      `storage: stores use different databases (${chosen.join(", ")}); llama-stack-ts keeps all state in one database so replicas can share it — point every store at one backend`,
    );
  }
  return storage.backends[chosen[0]!]!;
}
