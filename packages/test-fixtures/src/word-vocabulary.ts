import type { GgufMetadata } from "./gguf-metadata.ts";

const normal = 1;
const unknown = 2;
const control = 3;
const byte = 6;

/**
 * A small SentencePiece-style vocabulary (`tokenizer.ggml.model = llama`): `<unk>`, `<s>`, `</s>`,
 * the 256 byte tokens, then one piece per word (`▁word`) and its prefixes. Text made of these words
 * tokenizes one token per word, anything else falls back to bytes. Small, so an output head costs next to nothing.
 */
export function wordVocabulary(words: readonly string[]): {
  tokens: readonly string[];
  metadata: GgufMetadata;
} {
  const tokens = ["<unk>", "<s>", "</s>"];
  const types = [unknown, control, control];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(byte);
  }
  // SentencePiece builds a word by merging adjacent pieces, so every prefix of `▁word` is a piece.
  const pieces = new Set<string>();
  for (const word of words) {
    const piece = `\u2581${word}`;
    for (let end = 1; end <= piece.length; end++) pieces.add(piece.slice(0, end));
  }
  for (const piece of pieces) {
    tokens.push(piece);
    types.push(normal);
  }
  // Higher score = preferred merge; whole words beat their pieces.
  const scores = tokens.map((token, id) => (types[id] === normal ? token.length : 0));
  return {
    tokens,
    metadata: {
      "tokenizer.ggml.model": { type: "string", value: "llama" },
      "tokenizer.ggml.tokens": { type: "array", itemType: "string", value: tokens },
      "tokenizer.ggml.scores": { type: "array", itemType: "f32", value: scores },
      "tokenizer.ggml.token_type": { type: "array", itemType: "i32", value: types },
      "tokenizer.ggml.unknown_token_id": { type: "u32", value: 0 },
      "tokenizer.ggml.bos_token_id": { type: "u32", value: 1 },
      "tokenizer.ggml.eos_token_id": { type: "u32", value: 2 },
      "tokenizer.ggml.add_bos_token": { type: "bool", value: true },
      "tokenizer.ggml.add_eos_token": { type: "bool", value: false },
    },
  };
}
