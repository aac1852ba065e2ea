import type { GgufMetadata } from "./gguf-metadata.ts";
import { type GgufTensor, writeGguf } from "./gguf-writer.ts";
import { llama31Vocabulary } from "./llama31-vocabulary.ts";

export interface LlamaShape {
  layers: number;
  embeddingLength: number;
  heads: number;
  kvHeads: number;
  feedForwardLength: number;
  contextLength: number;
}

export interface LlamaModelOptions {
  name: string;
  shape: LlamaShape;
  /** Values of one tensor, called in file order (so a seeded generator gives byte-stable files). */
  weights(tensorName: string, dims: readonly number[]): Float32Array;
  /** Store matrices as F32 instead of F16; norms are always F32, as llama.cpp does. */
  f32?: boolean;
  /** Omit `output.weight` so the output projection reuses `token_embd`. */
  tiedOutput?: boolean;
  /** Extra metadata, e.g. `general.size_label`. */
  metadata?: GgufMetadata;
  /** Another vocabulary than Llama 3.1's (e.g. `wordVocabulary`), with its `tokenizer.*` metadata. */
  vocabulary?: { tokens: readonly string[]; metadata: GgufMetadata };
}

/** Writes a Llama-architecture GGUF, with the full Llama 3.1 vocabulary unless told otherwise. */
export async function writeLlamaModel(path: string, options: LlamaModelOptions): Promise<void> {
  const { shape } = options;
  const headDimension = shape.embeddingLength / shape.heads;
  if (!Number.isInteger(headDimension) || headDimension % 2 !== 0 || shape.heads % shape.kvHeads !== 0) {
    throw new Error(
      `Invalid Llama shape ${JSON.stringify(shape)}: need an even head size and heads % kvHeads == 0`,
    );
  }
  const vocabulary = options.vocabulary ?? llama31Vocabulary();
  const vocabularySize = vocabulary.tokens.length;
  const kvLength = shape.kvHeads * headDimension;

  const tensors: GgufTensor[] = [];
  const add = (name: string, dims: number[]) => {
    const type = dims.length === 1 || options.f32 ? "F32" : "F16";
    tensors.push({ name, dims, type, data: () => options.weights(name, dims) });
  };
  add("token_embd.weight", [shape.embeddingLength, vocabularySize]);
  for (let layer = 0; layer < shape.layers; layer++) {
    const prefix = `blk.${layer}`;
    add(`${prefix}.attn_norm.weight`, [shape.embeddingLength]);
    add(`${prefix}.attn_q.weight`, [shape.embeddingLength, shape.embeddingLength]);
    add(`${prefix}.attn_k.weight`, [shape.embeddingLength, kvLength]);
    add(`${prefix}.attn_v.weight`, [shape.embeddingLength, kvLength]);
    add(`${prefix}.attn_output.weight`, [shape.embeddingLength, shape.embeddingLength]);
    add(`${prefix}.ffn_norm.weight`, [shape.embeddingLength]);
    add(`${prefix}.ffn_gate.weight`, [shape.embeddingLength, shape.feedForwardLength]);
    add(`${prefix}.ffn_up.weight`, [shape.embeddingLength, shape.feedForwardLength]);
    add(`${prefix}.ffn_down.weight`, [shape.feedForwardLength, shape.embeddingLength]);
  }
  add("output_norm.weight", [shape.embeddingLength]);
  if (!options.tiedOutput) add("output.weight", [shape.embeddingLength, vocabularySize]);

  await writeGguf(path, {
    metadata: {
      "general.architecture": { type: "string", value: "llama" },
      "general.name": { type: "string", value: options.name },
      "general.file_type": { type: "u32", value: options.f32 ? 0 : 1 },
      "llama.vocab_size": { type: "u32", value: vocabularySize },
      "llama.context_length": { type: "u32", value: shape.contextLength },
      "llama.embedding_length": { type: "u32", value: shape.embeddingLength },
      "llama.block_count": { type: "u32", value: shape.layers },
      "llama.feed_forward_length": { type: "u32", value: shape.feedForwardLength },
      "llama.attention.head_count": { type: "u32", value: shape.heads },
      "llama.attention.head_count_kv": { type: "u32", value: shape.kvHeads },
      "llama.attention.layer_norm_rms_epsilon": { type: "f32", value: 1e-5 },
      "llama.rope.dimension_count": { type: "u32", value: headDimension },
      "llama.rope.freq_base": { type: "f32", value: 500_000 },
      ...options.metadata,
      ...vocabulary.metadata,
    },
    tensors,
  });
}
