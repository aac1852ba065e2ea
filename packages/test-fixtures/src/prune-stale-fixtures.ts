import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** Cache file names: `<name>-<generator fingerprint>-<options key>.gguf`. */
const fixtureFilePattern = /-([0-9a-f]{12})-[0-9a-f]{16}\.gguf$/;

// Spares files another checkout sharing the directory may be using right now.
const staleAfterMilliseconds = 60 * 60 * 1000;

/** Deletes models written by other generator versions: each edit would otherwise leave ~300 MB behind. */
export function pruneStaleFixtures(directory: string, fingerprint: string): void {
  for (const file of readdirSync(directory)) {
    const match = fixtureFilePattern.exec(file);
    if (match === null || match[1] === fingerprint) continue;
    const path = join(directory, file);
    try {
      if (Date.now() - statSync(path).mtimeMs > staleAfterMilliseconds) rmSync(path, { force: true });
    } catch {
      // Removed concurrently by another test process.
    }
  }
}
