import type { LlamaModel } from "node-llama-cpp";

const sizes = new WeakMap<LlamaModel, number>();

/**
 * How many token ids `model` has (llama.cpp's n_vocab): the GGUF's token list, else its
 * `<arch>.vocab_size`. node-llama-cpp does not expose n_vocab itself.
 */
export function vocabularySize(model: LlamaModel): number {
  let size = sizes.get(model);
  if (size === undefined) {
    const metadata = model.fileInfo.metadata;
    const architecture = metadata.general?.architecture;
    const declared = architecture
      ? (metadata as unknown as Record<string, { vocab_size?: number } | undefined>)[architecture]?.vocab_size
      : undefined;
    // Unknown: let llama.cpp judge, as before, rather than refuse every id.
    size = metadata.tokenizer?.ggml?.tokens?.length ?? declared ?? Number.POSITIVE_INFINITY;
    sizes.set(model, size);
  }
  return size;
}
