import { randomLlamaWeights } from "./random-llama-weights.ts";
import { writeLlamaModel } from "./write-llama-model.ts";

/**
 * Writes a random 8-layer Llama 3.1 model (~180 MB F16, output tied to the embeddings, 32K context) that is big
 * enough for decoding to be bound by compute and memory rather than per-token overhead.
 */
export async function writeBenchModel(path: string): Promise<void> {
  await writeLlamaModel(path, {
    name: "Bench Llama 3.1 test model",
    shape: {
      layers: 8,
      embeddingLength: 512,
      heads: 8,
      kvHeads: 4,
      feedForwardLength: 1536,
      contextLength: 33_024,
    },
    weights: randomLlamaWeights(2),
    tiedOutput: true,
  });
}
