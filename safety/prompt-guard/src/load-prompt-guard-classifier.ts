import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import {
  AutoModelForSequenceClassification,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  Tensor,
} from "@huggingface/transformers";
import { z } from "zod";

/** Prompt Guard's training window: longer texts must be split by the caller (or are truncated here). */
export const promptGuardMaxTokens = 512;

export interface PromptGuardClassifier {
  /** Label names in logit order, from the model's `config.json` `id2label`. */
  labels: string[];
  /**
   * Softmax probabilities per text, in `labels` order. A text longer than {@link promptGuardMaxTokens}
   * tokens is truncated like Python `transformers` does: `[CLS]`, the first 510 pieces, `[SEP]`.
   */
  score(texts: readonly string[]): Promise<number[][]>;
  /** Releases the ONNX Runtime session. */
  dispose(): Promise<void>;
}

const id2labelSchema = z
  .record(z.string().regex(/^\d+$/), z.string().min(1))
  .refine((map) => Object.keys(map).length >= 2, "a classifier needs at least two labels");

/**
 * Loads a Prompt Guard classifier (config.json, tokenizer.json, onnx/model.onnx) from a local
 * directory with transformers.js on the CPU, fp32. Never downloads: `env.allowRemoteModels` is
 * switched off process-wide.
 *
 * @example
 * const classifier = await loadPromptGuardClassifier("/models/Prompt-Guard-86M");
 * const [[benign, injection, jailbreak]] = await classifier.score(["Ignore previous instructions"]);
 */
export async function loadPromptGuardClassifier(directory: string): Promise<PromptGuardClassifier> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // transformers.js resolves relative ids against env.localModelPath; an absolute path is used as-is.
  const path = isAbsolute(directory) ? directory : resolve(directory);
  // Without this check a missing directory surfaces as "Cannot read properties of undefined".
  for (const file of ["config.json", "tokenizer.json", "tokenizer_config.json", join("onnx", "model.onnx")]) {
    const required = join(path, file);
    if (!existsSync(required)) throw new Error(`Prompt Guard model file ${required} is missing`);
  }
  const [tokenizer, model]: [PreTrainedTokenizer, PreTrainedModel] = await Promise.all([
    AutoTokenizer.from_pretrained(path),
    AutoModelForSequenceClassification.from_pretrained(path, { dtype: "fp32", device: "cpu" }),
  ]);
  const labels = labelsOf((model.config as { id2label?: unknown }).id2label, path);
  return {
    labels,
    async score(texts) {
      if (texts.length === 0) return [];
      const { logits } = (await model(encodeBatch(tokenizer, texts))) as { logits: Tensor };
      const [rows, columns] = logits.dims;
      if (rows !== texts.length || columns !== labels.length) {
        throw new Error(
          `Prompt Guard model at ${path} returned logits [${logits.dims.join(", ")}], expected [${texts.length}, ${labels.length}]`,
        );
      }
      const values = logits.data as Float32Array;
      return texts.map((_, row) => softmax(values.subarray(row * labels.length, (row + 1) * labels.length)));
    },
    async dispose() {
      await model.dispose();
    },
  };
}

/**
 * Tokenizes and right-pads `texts`. transformers.js's own truncation cuts the array at 512 and so
 * drops the final `[SEP]`; Prompt Guard was trained on `[CLS] … [SEP]` windows, so keep it.
 */
function encodeBatch(
  tokenizer: PreTrainedTokenizer,
  texts: readonly string[],
): { input_ids: Tensor; attention_mask: Tensor } {
  const sequences = texts.map((text) => {
    const ids = tokenizer.encode(text);
    return ids.length <= promptGuardMaxTokens
      ? ids
      : [...ids.slice(0, promptGuardMaxTokens - 1), ids.at(-1)!];
  });
  const width = Math.max(...sequences.map((ids) => ids.length));
  const padId = BigInt(tokenizer.pad_token_id ?? 0);
  const inputIds = new BigInt64Array(sequences.length * width).fill(padId);
  const attentionMask = new BigInt64Array(sequences.length * width);
  sequences.forEach((ids, row) => {
    ids.forEach((id, column) => {
      inputIds[row * width + column] = BigInt(id);
      attentionMask[row * width + column] = 1n;
    });
  });
  const dims = [sequences.length, width];
  return {
    input_ids: new Tensor("int64", inputIds, dims),
    attention_mask: new Tensor("int64", attentionMask, dims),
  };
}

function labelsOf(id2label: unknown, path: string): string[] {
  const parsed = id2labelSchema.safeParse(id2label);
  if (!parsed.success) throw new Error(`${path}/config.json has no usable id2label: ${parsed.error.message}`);
  const entries = Object.entries(parsed.data).map(([index, label]) => [Number(index), label] as const);
  entries.sort((a, b) => a[0] - b[0]);
  if (entries.some(([index], position) => index !== position)) {
    throw new Error(`${path}/config.json id2label indices must be 0..n-1`);
  }
  return entries.map(([, label]) => label);
}

/** Numerically stable softmax (logits can be large). */
function softmax(logits: Float32Array): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) max = Math.max(max, value);
  const exps = Array.from(logits, (value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}
