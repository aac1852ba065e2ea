import { homedir } from "node:os";
import { join } from "node:path";

/** `$LLAMA_STACK_TS_HOME`, or `~/.llama-stack-ts`: where distributions and models live by default. */
export function stackHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.LLAMA_STACK_TS_HOME || join(homedir(), ".llama-stack-ts");
}

/** Where `models pull` saves and model providers look by default: `<stack home>/models`. */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stackHome(env), "models");
}
