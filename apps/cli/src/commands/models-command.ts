import { defaultModelsDir } from "@llama-stack-ts/provider-kit";
import { modelsListCommand } from "./models-list.ts";
import { modelsPullCommand } from "./models-pull.ts";

export const MODELS_USAGE = `Usage:
  llama-stack-ts models pull <hf:user/repo:QUANT | hf:user/repo/file.gguf | https://…> [--models-dir DIR]
  llama-stack-ts models list [--models-dir DIR]
Default models dir: $LLAMA_STACK_TS_HOME/models (~/.llama-stack-ts/models), as inline::llama-cpp uses.
Environment: HF_TOKEN (gated models), HF_ENDPOINT or MODEL_ENDPOINT (Hugging Face mirror).`;

export interface ModelsCommandOptions {
  modelsDir?: string | undefined;
}

/** `llama-stack-ts models <pull|list>`; resolves with the exit code. */
export async function modelsCommand(
  args: readonly string[],
  options: ModelsCommandOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [action, ...rest] = args;
  const modelsDir = options.modelsDir ?? defaultModelsDir(env);
  if (action === "list" && rest.length === 0) return modelsListCommand(modelsDir);
  if (action === "pull" && rest.length === 1) return modelsPullCommand(rest[0]!, modelsDir, env);
  const problem =
    action === "pull"
      ? "models pull takes exactly one model URI"
      : action === "list"
        ? "models list takes no arguments"
        : action
          ? `unknown models command '${action}'`
          : "models needs a command";
  process.stderr.write(`error: ${problem}\n\n${MODELS_USAGE}\n`);
  return 2;
}
