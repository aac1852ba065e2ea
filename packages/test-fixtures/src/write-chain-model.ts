import { type ChainEndToken, type ChainText, chainTokens } from "./chain-tokens.ts";
import { llama31VocabularySize } from "./llama31-token-ids.ts";
import { type SeededRandom, seededRandom } from "./seeded-random.ts";
import { writeLlamaModel } from "./write-llama-model.ts";

export interface ChainModelOptions {
  /** End with `<|eot_id|>` (default) or `<|eom_id|>` (a tool call that expects a result). */
  endToken?: ChainEndToken;
}

// Random unit vectors in 128 dimensions are nearly orthogonal (|cos| ≲ 0.35): the programmed successor's logit
// (10·√128 ≈ 113) beats every other row by a wide margin, checked below.
const embeddingLength = 128;
const logitScale = 10;
const minimumMargin = 30;

/**
 * Writes a deterministic "chain" model: after the assistant header's `"\n\n"` greedy decoding emits
 * exactly `text`, then `<|eot_id|>` (or `<|eom_id|>`). Attention and FFN outputs are zero, so the
 * residual stream is the current token's embedding; `output.weight` maps each chain token's
 * embedding to its successor.
 */
export async function writeChainModel(
  path: string,
  text: ChainText,
  options: ChainModelOptions = {},
): Promise<void> {
  const chain = chainTokens(text, options.endToken);
  const embeddings = unitEmbeddings(llama31VocabularySize, embeddingLength, seededRandom(3));
  const output = new Float32Array(embeddings.length);
  for (let index = 0; index + 1 < chain.length; index++) {
    const row = chain[index + 1]! * embeddingLength;
    const from = chain[index]! * embeddingLength;
    for (let dim = 0; dim < embeddingLength; dim++) {
      output[row + dim]! += logitScale * embeddings[from + dim]!;
    }
  }
  verifyMargins(chain, embeddings, output);

  await writeLlamaModel(path, {
    name: "Chain Llama 3.1 test model",
    shape: { layers: 1, embeddingLength, heads: 4, kvHeads: 2, feedForwardLength: 64, contextLength: 2048 },
    weights: (name, dims) => {
      if (name === "token_embd.weight") return embeddings;
      if (name === "output.weight") return output;
      const values = new Float32Array(dims.reduce((product, dim) => product * dim, 1));
      return dims.length === 1 ? values.fill(1) : values;
    },
  });
}

/** Random sign vectors scaled to unit length: as near-orthogonal as Gaussian ones, and cheap (32 per draw). */
function unitEmbeddings(count: number, dimensions: number, random: SeededRandom): Float32Array {
  const values = new Float32Array(count * dimensions);
  const magnitude = 1 / Math.sqrt(dimensions);
  let bits = 0;
  for (let index = 0; index < values.length; index++) {
    if (index % 32 === 0) bits = Math.floor(random.uniform() * 2 ** 32);
    values[index] = (bits >>> (index % 32)) & 1 ? magnitude : -magnitude;
  }
  return values;
}

/** Only successor rows are non-zero, so comparing them per chain token proves greedy decoding follows the chain. */
function verifyMargins(chain: readonly number[], embeddings: Float32Array, output: Float32Array): void {
  const rows = [...new Set(chain.slice(1))];
  for (let index = 0; index + 1 < chain.length; index++) {
    const from = chain[index]!;
    const scores = rows.map((row) => {
      let dot = 0;
      for (let dim = 0; dim < embeddingLength; dim++) {
        dot += embeddings[from * embeddingLength + dim]! * output[row * embeddingLength + dim]!;
      }
      return { row, logit: dot * Math.sqrt(embeddingLength) };
    });
    const target = scores.find(({ row }) => row === chain[index + 1])!.logit;
    const runnerUp = scores
      .filter(({ row }) => row !== chain[index + 1])
      .reduce((max, { logit }) => Math.max(max, logit), 0);
    if (target - runnerUp < minimumMargin) {
      throw new Error(
        `Chain model margin too small after token ${from}: ${target.toFixed(1)} vs ${runnerUp.toFixed(1)}`,
      );
    }
  }
}
