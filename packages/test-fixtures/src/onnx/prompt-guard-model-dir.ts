import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { buildOnce } from "../build-once.ts";
import { fixtureDirectory } from "../fixture-directory.ts";
import { generatorFingerprint } from "../generator-fingerprint.ts";
import type { PromptGuardModelOptions } from "./prompt-guard-classifier.ts";
import { writePromptGuardModel } from "./write-prompt-guard-model.ts";

const pending = new Map<string, Promise<string>>();
let pruned = false;

/** Directory names: `prompt-guard-<generator fingerprint>-<options key>`. */
const directoryPattern = /^prompt-guard-([0-9a-f]{12})-[0-9a-f]{16}$/;
// Spares directories another checkout sharing the cache may be using right now.
const staleAfterMilliseconds = 60 * 60 * 1000;

/**
 * Absolute path of a cached tiny Prompt Guard model directory (built on first use, once across
 * processes), ready for `AutoModelForSequenceClassification.from_pretrained(dir)` with
 * `env.allowRemoteModels = false`. The name keys on this folder's sources and `options`.
 *
 * @example
 * const dir = await promptGuardModelDir({ variant: "v2" });
 */
export function promptGuardModelDir(options: PromptGuardModelOptions = {}): Promise<string> {
  const normalized = {
    variant: options.variant ?? "v1",
    withTokenTypeIds: options.withTokenTypeIds ?? false,
    labels: options.labels ?? null,
    triggerWeight: options.triggerWeight ?? null,
  };
  const optionsKey = createHash("sha256").update(JSON.stringify(normalized)).digest("hex").slice(0, 16);
  const parent = join(fixtureDirectory(), "onnx");
  const directory = join(
    parent,
    `prompt-guard-${generatorFingerprint(new URL("./", import.meta.url))}-${optionsKey}`,
  );
  let result = pending.get(directory);
  if (result === undefined) {
    if (!pruned) {
      mkdirSync(parent, { recursive: true });
      pruneStaleDirectories(parent);
      pruned = true;
    }
    result = buildOnce(directory, async (temporary) => {
      try {
        await writePromptGuardModel(temporary, options);
      } catch (error) {
        // buildOnce removes a failed temporary *file*; a directory needs a recursive rm.
        await rm(temporary, { recursive: true, force: true });
        throw error;
      }
    }).then(() => directory);
    // A failed build should be retried by the next caller, not cached.
    result.catch(() => pending.delete(directory));
    pending.set(directory, result);
  }
  return result;
}

/** Removes model directories written by other generator versions (and leftovers of crashed builds). */
function pruneStaleDirectories(parent: string): void {
  const current = generatorFingerprint(new URL("./", import.meta.url));
  for (const name of readdirSync(parent)) {
    const match = directoryPattern.exec(name.replace(/\.\d+\.tmp$/, ""));
    if (match === null || (match[1] === current && !name.endsWith(".tmp"))) continue;
    const path = join(parent, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > staleAfterMilliseconds)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed concurrently by another test process.
    }
  }
}
