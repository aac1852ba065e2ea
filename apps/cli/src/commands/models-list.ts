import { listModels } from "../models/list-models.ts";
import { modelsTable } from "../models/models-table.ts";

/** The model most configs start from; the hint shows how to get it. */
const DEFAULT_INSTRUCT_MODEL = "hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M";

/** `llama-stack-ts models list`: cached GGUF files with what their headers say. */
export async function modelsListCommand(modelsDir: string): Promise<number> {
  const models = await listModels(modelsDir);
  const out = process.stdout;
  if (models.length === 0) {
    out.write(`No models in ${modelsDir} yet. Get the default instruct model with:\n`);
    out.write(`  llama-stack-ts models pull ${DEFAULT_INSTRUCT_MODEL}\n`);
    return 0;
  }
  out.write(`Models in ${modelsDir}:\n${modelsTable(models)}\n`);
  return 0;
}
