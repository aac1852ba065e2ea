import { join } from "node:path";
import { stackHome } from "@llama-stack-ts/provider-kit";

/** `~/.llama-stack-ts/distributions/<name>`, or under `$LLAMA_STACK_TS_HOME` when set. */
export function defaultDataDir(distroName: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(stackHome(env), "distributions", distroName);
}
