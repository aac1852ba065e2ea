import { fixtureModel } from "./fixture-model.ts";
import { randomLlamaWeights } from "./random-llama-weights.ts";
import { wordVocabulary } from "./word-vocabulary.ts";
import { writeLlamaModel } from "./write-llama-model.ts";

/** The words the bench documents are written in: one model token each. */
export const embeddingBenchWords: readonly string[] = Array.from(
  { length: 5000 },
  (_, i) => `w${i.toString(36)}`,
);

/**
 * Cached ~150 MB embedding model with the body of bge-small-en-v1.5 (12 layers, 384 wide, 1536
 * feed-forward) and a 5,000-word vocabulary: like a BERT embedding model it has no large output head,
 * so embedding costs what a real small embedding model costs per token.
 */
export function embeddingBenchModelPath(): Promise<string> {
  return fixtureModel("embedding-bench", (path) =>
    writeLlamaModel(path, {
      name: "Embedding bench model (bge-small shape)",
      shape: {
        layers: 12,
        embeddingLength: 384,
        heads: 12,
        kvHeads: 12,
        feedForwardLength: 1536,
        contextLength: 2048,
      },
      weights: randomLlamaWeights(3),
      tiedOutput: true,
      vocabulary: wordVocabulary(embeddingBenchWords),
    }),
  );
}
