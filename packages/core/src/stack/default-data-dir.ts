import { homedir } from "node:os";
import { join } from "node:path";

/** `~/.llama-stack-ts/distributions/<name>`, or under `$LLAMA_STACK_TS_HOME` when set. */
export function defaultDataDir(distroName: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = env.LLAMA_STACK_TS_HOME || join(homedir(), ".llama-stack-ts");
  return join(home, "distributions", distroName);
}
