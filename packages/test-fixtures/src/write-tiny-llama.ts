import { randomLlamaWeights } from "./random-llama-weights.ts";
import { writeLlamaModel } from "./write-llama-model.ts";

export interface TinyLlamaOptions {
  /** `llama.context_length`; default 2048. */
  contextLength?: number;
  /** `n_embd` (the embedding vector size); default 64, must be a multiple of 8. */
  embeddingLength?: number;
  /** `general.name`; the default contains "Llama 3.1" so node-llama-cpp picks `Llama3_1ChatWrapper`. */
  name?: string;
  /** `general.size_label`, e.g. "1B" (with a "Llama 3.2" name it selects the 3.2 lightweight wrapper). */
  sizeLabel?: string;
  /** Matrices in F32 instead of F16. */
  f32?: boolean;
  seed?: number;
}

/** Writes a 2-layer random-weight Llama 3.1 model with the full 128,256-token vocabulary (~39 MB in F16). */
export async function writeTinyLlama(path: string, options: TinyLlamaOptions = {}): Promise<void> {
  await writeLlamaModel(path, {
    name: options.name ?? "Tiny Llama 3.1 test model",
    shape: {
      layers: 2,
      embeddingLength: options.embeddingLength ?? 64,
      heads: 4,
      kvHeads: 2,
      feedForwardLength: 128,
      contextLength: options.contextLength ?? 2048,
    },
    weights: randomLlamaWeights(options.seed ?? 1),
    f32: options.f32 ?? false,
    metadata: options.sizeLabel ? { "general.size_label": { type: "string", value: options.sizeLabel } } : {},
  });
}
