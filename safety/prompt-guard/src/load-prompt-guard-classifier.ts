import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
// Types only: transformers.js (and onnxruntime) load on first use, so a Stack that never runs
// Prompt Guard does not pay ~1 s of start-up for them.
import type { PreTrainedModel, PreTrainedTokenizer, Tensor } from "@huggingface/transformers";
import { z } from "zod";

/** Prompt Guard's training window: longer texts must be split by the caller (or are truncated here). */
export const promptGuardMaxTokens = 512;

/** The files a Prompt Guard model directory must hold (relative paths). */
export const promptGuardModelFiles = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  join("onnx", "model.onnx"),
] as const;

export interface ScoreTokensOptions {
  /** Softmax temperature: probabilities are `softmax(logits / temperature)`. Default 1. */
  temperature?: number;
}

export interface PromptGuardClassifier {
  /** Label names in logit order, from the model's `config.json` `id2label`. */
  labels: string[];
  /** Special tokens the tokenizer puts around every sequence (`[CLS]` … `[SEP]`: 2). */
  specialTokenCount: number;
  /**
   * Softmax probabilities per text, in `labels` order. A text longer than {@link promptGuardMaxTokens}
   * tokens is truncated like Python `transformers` does: `[CLS]`, the first 510 pieces, `[SEP]`.
   */
  score(texts: readonly string[]): Promise<number[][]>;
  /** The text's token ids without special tokens, never truncated. */
  tokenize(text: string): number[];
  /**
   * Probabilities per window of content token ids (from `tokenize`), each wrapped in the special
   * tokens and run as one batch. A window may hold at most `promptGuardMaxTokens - specialTokenCount` ids.
   */
  scoreTokens(windows: readonly (readonly number[])[], options?: ScoreTokensOptions): Promise<number[][]>;
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
  const { AutoModelForSequenceClassification, AutoTokenizer, env, Tensor } = await import(
    "@huggingface/transformers"
  );
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // transformers.js resolves relative ids against env.localModelPath; an absolute path is used as-is.
  const path = isAbsolute(directory) ? directory : resolve(directory);
  // Without this check a missing directory surfaces as "Cannot read properties of undefined".
  for (const file of promptGuardModelFiles) {
    const required = join(path, file);
    if (!existsSync(required)) throw new Error(`Prompt Guard model file ${required} is missing`);
  }
  const [tokenizer, model]: [PreTrainedTokenizer, PreTrainedModel] = await Promise.all([
    AutoTokenizer.from_pretrained(path),
    AutoModelForSequenceClassification.from_pretrained(path, { dtype: "fp32", device: "cpu" }),
  ]);
  const labels = labelsOf((model.config as { id2label?: unknown }).id2label, path);
  const { prefix, suffix } = specialTokensOf(tokenizer);
  const capacity = promptGuardMaxTokens - prefix.length - suffix.length;

  async function classify(sequences: readonly (readonly number[])[], temperature = 1): Promise<number[][]> {
    if (sequences.length === 0) return [];
    const { logits } = (await model(padBatch(Tensor, tokenizer, sequences))) as { logits: Tensor };
    const [rows, columns] = logits.dims;
    if (rows !== sequences.length || columns !== labels.length) {
      throw new Error(
        `Prompt Guard model at ${path} returned logits [${logits.dims.join(", ")}], expected [${sequences.length}, ${labels.length}]`,
      );
    }
    const values = logits.data as Float32Array;
    return sequences.map((_, row) =>
      softmax(values.subarray(row * labels.length, (row + 1) * labels.length), temperature),
    );
  }

  return {
    labels,
    specialTokenCount: prefix.length + suffix.length,
    score(texts) {
      return classify(texts.map((text) => truncate(tokenizer.encode(text))));
    },
    tokenize(text) {
      return tokenizer.encode(text, { add_special_tokens: false });
    },
    async scoreTokens(windows, options = {}) {
      const temperature = options.temperature ?? 1;
      if (!(temperature > 0)) throw new RangeError(`temperature must be positive, got ${temperature}`);
      for (const window of windows) {
        if (window.length > capacity) {
          throw new RangeError(
            `a Prompt Guard window holds at most ${capacity} tokens, got ${window.length}`,
          );
        }
      }
      return classify(
        windows.map((window) => [...prefix, ...window, ...suffix]),
        temperature,
      );
    },
    async dispose() {
      await model.dispose();
    },
  };
}

/**
 * transformers.js's own truncation cuts the array at 512 and so drops the final `[SEP]`; Prompt
 * Guard was trained on `[CLS] … [SEP]` windows, so keep it.
 */
function truncate(ids: number[]): number[] {
  return ids.length <= promptGuardMaxTokens ? ids : [...ids.slice(0, promptGuardMaxTokens - 1), ids.at(-1)!];
}

/** What the tokenizer adds before and after a text, found by encoding a probe with and without. */
function specialTokensOf(tokenizer: PreTrainedTokenizer): { prefix: number[]; suffix: number[] } {
  const probe = "a";
  const full = tokenizer.encode(probe);
  const content = tokenizer.encode(probe, { add_special_tokens: false });
  const at = full.findIndex((_, start) => content.every((id, offset) => full[start + offset] === id));
  if (content.length === 0 || at < 0) return { prefix: [], suffix: [] };
  return { prefix: full.slice(0, at), suffix: full.slice(at + content.length) };
}

/** Right-pads token id sequences into one batch. */
function padBatch(
  TensorClass: typeof Tensor,
  tokenizer: PreTrainedTokenizer,
  sequences: readonly (readonly number[])[],
): { input_ids: Tensor; attention_mask: Tensor } {
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
    input_ids: new TensorClass("int64", inputIds, dims),
    attention_mask: new TensorClass("int64", attentionMask, dims),
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

/** Numerically stable softmax of `logits / temperature` (logits can be large). */
function softmax(logits: Float32Array, temperature: number): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) max = Math.max(max, value / temperature);
  const exps = Array.from(logits, (value) => Math.exp(value / temperature - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}
