/** Token ids of the Llama 3.1 tokenizer that test models and prompts refer to. */
export const llama31TokenIds = {
  beginOfText: 128000,
  endOfText: 128001,
  finetuneRightPad: 128004,
  startHeader: 128006,
  endHeader: 128007,
  endOfMessage: 128008,
  endOfTurn: 128009,
  pythonTag: 128010,
  /** `"\n\n"`, the last token of every message header. */
  doubleNewline: 271,
} as const;

/** 128,000 BPE tokens followed by 256 special tokens. */
export const llama31VocabularySize = 128_256;
