import { metaspace, type PromptGuardPiece, promptGuardSpecialTokens } from "./prompt-guard-vocabulary.ts";

export interface PromptGuardTokenizerFiles {
  "tokenizer.json": unknown;
  "tokenizer_config.json": unknown;
  "special_tokens_map.json": unknown;
}

/** The window Prompt Guard was trained on; longer inputs have to be truncated or split. */
export const promptGuardMaxLength = 512;

/**
 * Hugging Face tokenizer files shaped like the DeBERTa-v3 ones Prompt Guard ships: a SentencePiece
 * Unigram model, whitespace split + Metaspace (`▁`) pre-tokenizer, `[CLS] $A [SEP]` post-processor.
 */
export function promptGuardTokenizerFiles(
  vocabulary: readonly PromptGuardPiece[],
): PromptGuardTokenizerFiles {
  const idOf = (piece: string): number => {
    const id = vocabulary.findIndex((entry) => entry.piece === piece);
    if (id < 0) throw new Error(`${piece} is missing from the vocabulary`);
    return id;
  };
  const { pad, cls, sep, unk, mask } = promptGuardSpecialTokens;
  const addedTokens = vocabulary.flatMap((entry, id) =>
    entry.special
      ? [
          {
            id,
            content: entry.piece,
            single_word: false,
            lstrip: false,
            rstrip: false,
            normalized: false,
            special: true,
          },
        ]
      : [],
  );
  const metaspaceOptions = {
    type: "Metaspace",
    replacement: metaspace,
    prepend_scheme: "always",
    split: true,
  };
  const tokenizerJson = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "Strip", strip_left: true, strip_right: true },
        { type: "Replace", pattern: { Regex: " {2,}" }, content: " " },
      ],
    },
    pre_tokenizer: { type: "Sequence", pretokenizers: [{ type: "WhitespaceSplit" }, metaspaceOptions] },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: cls, type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: sep, type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: cls, type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: sep, type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: sep, type_id: 1 } },
      ],
      special_tokens: {
        [cls]: { id: cls, ids: [idOf(cls)], tokens: [cls] },
        [sep]: { id: sep, ids: [idOf(sep)], tokens: [sep] },
      },
    },
    decoder: metaspaceOptions,
    model: {
      type: "Unigram",
      unk_id: idOf(unk),
      vocab: vocabulary.map((entry) => [entry.piece, entry.score]),
      byte_fallback: false,
    },
  };
  const tokenizerConfig = {
    added_tokens_decoder: Object.fromEntries(
      addedTokens.map(({ id, ...token }) => [String(id), token] as const),
    ),
    bos_token: cls,
    clean_up_tokenization_spaces: false,
    cls_token: cls,
    do_lower_case: false,
    eos_token: sep,
    extra_special_tokens: {},
    mask_token: mask,
    model_max_length: promptGuardMaxLength,
    pad_token: pad,
    sep_token: sep,
    sp_model_kwargs: {},
    split_by_punct: false,
    tokenizer_class: "DebertaV2Tokenizer",
    unk_token: unk,
    vocab_type: "spm",
  };
  const specialTokensMap = {
    bos_token: cls,
    cls_token: cls,
    eos_token: sep,
    mask_token: mask,
    pad_token: pad,
    sep_token: sep,
    unk_token: unk,
  };
  return {
    "tokenizer.json": tokenizerJson,
    "tokenizer_config.json": tokenizerConfig,
    "special_tokens_map.json": specialTokensMap,
  };
}
