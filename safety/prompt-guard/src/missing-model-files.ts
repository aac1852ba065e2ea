import { existsSync } from "node:fs";
import { join } from "node:path";
import { promptGuardModelFiles } from "./load-prompt-guard-classifier.ts";

/** The model files (relative paths) that `directory` lacks; empty when it is complete. */
export function missingModelFiles(directory: string): string[] {
  return promptGuardModelFiles.filter((file) => !existsSync(join(directory, file)));
}

/** Where to put a Prompt Guard model and which files, for errors and health. */
export function modelFilesHelp(directory: string, missing: readonly string[]): string {
  return (
    `Prompt Guard model not found: ${directory} is missing ${missing.join(", ")}. ` +
    `Put an ONNX export of Prompt-Guard-86M or Llama-Prompt-Guard-2-86M/22M there ` +
    `(${promptGuardModelFiles.join(", ")}; e.g. 'optimum-cli export onnx --task text-classification ' ` +
    `then move model.onnx into onnx/), or set model_dir in the inline::prompt-guard provider config.`
  );
}
