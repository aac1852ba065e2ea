/** Ids whose lenml (Llama 3) name differs from the Llama 3.1 name. */
const renamed = new Map<number, string>([
  [128004, "<|finetune_right_pad_id|>"],
  [128008, "<|eom_id|>"],
  [128010, "<|python_tag|>"],
]);

/** Ids whose name is the same in Llama 3 and 3.1. */
const kept = new Map<number, string>([
  [128000, "<|begin_of_text|>"],
  [128001, "<|end_of_text|>"],
  [128006, "<|start_header_id|>"],
  [128007, "<|end_header_id|>"],
  [128009, "<|eot_id|>"],
]);

/**
 * Names of the 256 special tokens (ids 128000–128255) as the Llama 3.1 tokenizer spells them;
 * every other id is `<|reserved_special_token_N|>`, numbered in id order.
 */
export function llama31SpecialTokenNames(): string[] {
  const names: string[] = [];
  let reserved = 0;
  for (let id = 128_000; id < 128_256; id++) {
    names.push(renamed.get(id) ?? kept.get(id) ?? `<|reserved_special_token_${reserved++}|>`);
  }
  return names;
}
