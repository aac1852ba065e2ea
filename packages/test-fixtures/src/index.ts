export { benchModelPath } from "./bench-model-path.ts";
export { chainModelPath } from "./chain-model-path.ts";
export { type ChainEndToken, type ChainText, chainTokens } from "./chain-tokens.ts";
export { embeddingBenchModelPath, embeddingBenchWords } from "./embedding-bench-model-path.ts";
export { encodeLlama31 } from "./encode-llama31.ts";
export { fixtureDirectory } from "./fixture-directory.ts";
export { fixtureModel } from "./fixture-model.ts";
export { float16Bits, toFloat16 } from "./float16.ts";
export type { GgufBigNumberType, GgufMetadata, GgufNumberType, GgufValue } from "./gguf-metadata.ts";
export { type GgufContents, type GgufTensor, type GgufTensorType, writeGguf } from "./gguf-writer.ts";
export { llama31ChatTemplate } from "./llama31-chat-template.ts";
export { llama31SpecialTokenNames } from "./llama31-special-token-names.ts";
export { llama31TokenIds, llama31VocabularySize } from "./llama31-token-ids.ts";
export { type Llama31Vocabulary, llama31Vocabulary } from "./llama31-vocabulary.ts";
export { encodeOnnxModel } from "./onnx/encode-onnx-model.ts";
export type {
  OnnxAttribute,
  OnnxElementType,
  OnnxGraph,
  OnnxModel,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
} from "./onnx/onnx-model.ts";
export {
  type PromptGuardModelOptions,
  type PromptGuardTokenCounts,
  type PromptGuardVariant,
  promptGuardFixtureLabels,
  promptGuardFixtureLogits,
  promptGuardFixtureWeights,
} from "./onnx/prompt-guard-classifier.ts";
export { promptGuardModelDir } from "./onnx/prompt-guard-model-dir.ts";
export { promptGuardMaxLength } from "./onnx/prompt-guard-tokenizer-files.ts";
export { type PromptGuardTriggerKind, promptGuardTriggerWords } from "./onnx/prompt-guard-trigger-words.ts";
export { writePromptGuardModel } from "./onnx/write-prompt-guard-model.ts";
export { tinyLlamaPath } from "./tiny-llama-path.ts";
export { wordVocabulary } from "./word-vocabulary.ts";
export { writeBenchModel } from "./write-bench-model.ts";
export { type ChainModelOptions, writeChainModel } from "./write-chain-model.ts";
export { type LlamaModelOptions, type LlamaShape, writeLlamaModel } from "./write-llama-model.ts";
export { type TinyLlamaOptions, writeTinyLlama } from "./write-tiny-llama.ts";
