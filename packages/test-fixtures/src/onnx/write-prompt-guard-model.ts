import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeOnnxModel } from "./encode-onnx-model.ts";
import {
  type PromptGuardModelOptions,
  promptGuardClassifierModel,
  promptGuardLabels,
} from "./prompt-guard-classifier.ts";
import { promptGuardMaxLength, promptGuardTokenizerFiles } from "./prompt-guard-tokenizer-files.ts";
import { promptGuardVocabulary } from "./prompt-guard-vocabulary.ts";

/**
 * Writes a tiny Prompt Guard stand-in into `directory` (created if missing), laid out like a
 * transformers.js model repository: `config.json`, `tokenizer.json`, `tokenizer_config.json`,
 * `special_tokens_map.json` and `onnx/model.onnx` (fp32).
 */
export async function writePromptGuardModel(
  directory: string,
  options: PromptGuardModelOptions = {},
): Promise<void> {
  const vocabulary = promptGuardVocabulary();
  const labels = promptGuardLabels(options);
  const variant = options.variant ?? "v1";
  const config = {
    _name_or_path: `llama-stack-ts/tiny-prompt-guard-${variant}`,
    architectures: ["DebertaV2ForSequenceClassification"],
    model_type: "deberta-v2",
    id2label: Object.fromEntries(labels.map((label, index) => [String(index), label])),
    label2id: Object.fromEntries(labels.map((label, index) => [label, index])),
    hidden_size: 3,
    intermediate_size: 3,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    max_position_embeddings: promptGuardMaxLength,
    max_relative_positions: -1,
    pad_token_id: 0,
    position_biased_input: false,
    relative_attention: true,
    type_vocab_size: options.withTokenTypeIds ? 2 : 0,
    vocab_size: vocabulary.length,
    torch_dtype: "float32",
  };
  await mkdir(join(directory, "onnx"), { recursive: true });
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const tokenizerFiles = promptGuardTokenizerFiles(vocabulary);
  await Promise.all([
    writeFile(join(directory, "config.json"), json(config)),
    ...Object.entries(tokenizerFiles).map(([name, content]) =>
      writeFile(join(directory, name), json(content)),
    ),
    writeFile(
      join(directory, "onnx", "model.onnx"),
      encodeOnnxModel(promptGuardClassifierModel(vocabulary, options)),
    ),
  ]);
}
