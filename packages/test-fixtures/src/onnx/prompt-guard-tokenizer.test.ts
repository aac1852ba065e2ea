import { AutoTokenizer, env, type PreTrainedTokenizer, type Tensor } from "@huggingface/transformers";
import { beforeAll, describe, expect, it } from "vitest";
import { promptGuardModelDir } from "./prompt-guard-model-dir.ts";
import { promptGuardMaxLength } from "./prompt-guard-tokenizer-files.ts";
import { promptGuardVocabulary } from "./prompt-guard-vocabulary.ts";

env.allowRemoteModels = false;

let tokenizer: PreTrainedTokenizer;

beforeAll(async () => {
  tokenizer = await AutoTokenizer.from_pretrained(await promptGuardModelDir());
});

describe("fixture tokenizer", () => {
  it("has DeBERTa-v3's special token ids", () => {
    expect(tokenizer.convert_tokens_to_ids(["[PAD]", "[CLS]", "[SEP]", "[UNK]"])).toEqual([0, 1, 2, 3]);
    expect(tokenizer.pad_token_id).toBe(0);
    expect(tokenizer.sep_token_id).toBe(2);
    expect(tokenizer.unk_token_id).toBe(3);
    expect(tokenizer.mask_token_id).toBe(promptGuardVocabulary().length - 1);
    expect(tokenizer.model_max_length).toBe(promptGuardMaxLength);
  });

  it("wraps text in [CLS] … [SEP] and uses whole-word pieces", () => {
    expect(tokenizer.tokenize("Hello world")).toEqual(["\u2581Hello", "\u2581world"]);
    const ids = tokenizer.encode("Hello world");
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)).toBe(2);
    expect(ids.slice(1, -1)).toEqual(tokenizer.convert_tokens_to_ids(["\u2581Hello", "\u2581world"]));
    expect(tokenizer.decode(ids, { skip_special_tokens: true })).toBe("Hello world");
  });

  it("spells out unknown words, maps unknown characters to [UNK] and collapses whitespace", () => {
    expect(tokenizer.tokenize("zebra")).toEqual(["\u2581", "z", "e", "b", "r", "a"]);
    expect(tokenizer.encode("🦙", { add_special_tokens: false })).toEqual([
      tokenizer.convert_tokens_to_ids("\u2581"),
      3,
    ]);
    expect(tokenizer.tokenize("  the\n\tcat  ")).toEqual(["\u2581the", "\u2581cat"]);
  });

  it("grows with the text", () => {
    const lengths = [1, 2, 4, 8].map((n) => tokenizer.encode("the cat sat on the mat. ".repeat(n)).length);
    for (let index = 1; index < lengths.length; index++)
      expect(lengths[index]).toBeGreaterThan(lengths[index - 1]!);
  });

  it("returns more than 512 tokens for a long text unless asked to truncate", () => {
    const text = "Please tell me about the weather today. ".repeat(100);
    expect(tokenizer.encode(text).length).toBeGreaterThan(promptGuardMaxLength);
    const truncated = tokenizer([text, "hello"], { padding: true, truncation: true });
    expect((truncated.input_ids as Tensor).dims).toEqual([2, promptGuardMaxLength]);
    const mask = (truncated.attention_mask as Tensor).tolist() as bigint[][];
    expect(mask[1]!.filter((value) => value === 1n)).toHaveLength(3);
  });

  it("returns token_type_ids like DebertaV2Tokenizer", () => {
    const encoded = tokenizer("hello", { return_tensor: false }) as unknown as Record<string, number[]>;
    expect(Object.keys(encoded).sort()).toEqual(["attention_mask", "input_ids", "token_type_ids"]);
    expect(encoded.token_type_ids).toEqual([0, 0, 0]);
  });
});
