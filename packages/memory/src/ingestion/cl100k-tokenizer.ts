import { Tiktoken } from "js-tiktoken/lite";
import cl100k from "js-tiktoken/ranks/cl100k_base";

let encoder: Tiktoken | undefined;

/**
 * The cl100k_base tokenizer, as upstream uses for chunking. Building it parses ~1 MB of ranks
 * (most of a second), so it happens on first use and only once.
 */
export function cl100kTokenizer(): Tiktoken {
  encoder ??= new Tiktoken(cl100k);
  return encoder;
}

/** The pattern tiktoken splits text with before BPE; no token ever spans two of its matches. */
export const CL100K_PIECE_PATTERN = cl100k.pat_str;
