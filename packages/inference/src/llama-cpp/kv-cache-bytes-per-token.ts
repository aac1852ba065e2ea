import type { GgufMetadata } from "node-llama-cpp";

/** Bytes per cached value for each KV-cache type (quantised types: block bytes / 32 values). */
const BYTES_PER_VALUE: Record<string, number> = {
  F32: 4,
  F16: 2,
  BF16: 2,
  Q8_0: 34 / 32,
  Q4_0: 18 / 32,
  Q4_1: 20 / 32,
  Q5_0: 22 / 32,
  Q5_1: 24 / 32,
};

interface ArchitectureMetadata {
  block_count?: number;
  embedding_length?: number;
  attention?: {
    head_count?: number | number[];
    head_count_kv?: number | number[];
    key_length?: number;
    value_length?: number;
  };
}

/**
 * KV-cache bytes one token of context takes (keys and values in every layer), read from the GGUF
 * header; undefined when the header lacks the sizes.
 */
export function kvCacheBytesPerToken(metadata: GgufMetadata, cacheType = "F16"): number | undefined {
  const architecture = metadata.general?.architecture;
  const model = architecture
    ? ((metadata as Record<string, unknown>)[architecture] as ArchitectureMetadata | undefined)
    : undefined;
  const layers = model?.block_count;
  const heads = model?.attention?.head_count;
  if (!layers || !model?.embedding_length || heads === undefined) return undefined;
  const kvHeads = model.attention?.head_count_kv ?? heads;
  // Per-layer head counts (some architectures vary them) are summed; a single count repeats.
  const kvHeadsAllLayers = Array.isArray(kvHeads) ? kvHeads.reduce((a, b) => a + b, 0) : kvHeads * layers;
  const headSize = model.embedding_length / (Array.isArray(heads) ? Math.max(...heads) : heads);
  const keyLength = model.attention?.key_length ?? headSize;
  const valueLength = model.attention?.value_length ?? headSize;
  return kvHeadsAllLayers * (keyLength + valueLength) * (BYTES_PER_VALUE[cacheType] ?? 2);
}
