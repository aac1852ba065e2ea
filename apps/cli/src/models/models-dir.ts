import { homedir } from "node:os";
import { join } from "node:path";

/** `$LLAMA_STACK_TS_HOME/models` (default `~/.llama-stack-ts/models`), where `inline::llama-cpp` looks too. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.LLAMA_STACK_TS_HOME || join(homedir(), ".llama-stack-ts"), "models");
}
