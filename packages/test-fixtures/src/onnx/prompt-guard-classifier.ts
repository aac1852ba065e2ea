import type { OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from "./onnx-model.ts";
import type { PromptGuardPiece } from "./prompt-guard-vocabulary.ts";

export type PromptGuardVariant = "v1" | "v2";

export interface PromptGuardModelOptions {
  /** `v1`: Prompt-Guard-86M's three labels; `v2`: Llama-Prompt-Guard-2's benign/malicious pair. Default `v1`. */
  variant?: PromptGuardVariant;
  /** Declare a `token_type_ids` input (BERT-style exports have it; DeBERTa-v2 exports don't). Default false. */
  withTokenTypeIds?: boolean;
  /** `id2label` names in index order, instead of the variant's defaults (same count). */
  labels?: readonly string[];
  /** Evidence one trigger token adds against one benign token's 1. Default {@link promptGuardFixtureWeights}. */
  triggerWeight?: number;
}

/**
 * `id2label` of the real checkpoints: Prompt-Guard-86M names its labels; Llama-Prompt-Guard-2
 * ships the generic `LABEL_0` (benign) / `LABEL_1` (malicious), so read meanings by index there.
 */
export const promptGuardFixtureLabels = {
  v1: ["BENIGN", "INJECTION", "JAILBREAK"],
  v2: ["LABEL_0", "LABEL_1"],
} as const satisfies Record<PromptGuardVariant, readonly string[]>;

/**
 * The fixture's arithmetic. Every attended token (incl. `[CLS]`/`[SEP]`) contributes an evidence
 * vector `[benign, injection, jailbreak]`: `[1, 0, 0]` for ordinary tokens, `[0, w, 0]` for an
 * injection trigger, `[0, 0, w]` for a jailbreak trigger (`w` = `triggerWeight`). The vectors are
 * mean-pooled over the attention mask and multiplied by `logitScale`:
 *
 * - v1 logits = `logitScale · [benignTokens, w·injection, w·jailbreak] / tokens`
 * - v2 logits = `logitScale · [benignTokens, w·(injection + jailbreak)] / tokens`
 *
 * With `w` = 200, three trigger tokens outweigh a full 512-token window (600 > 509), one trigger
 * does not (200 < 511), and a short prompt with any trigger is flagged.
 */
export const promptGuardFixtureWeights = { logitScale: 10, triggerWeight: 200 } as const;

export interface PromptGuardTokenCounts {
  /** Attended tokens, including `[CLS]` and `[SEP]`. */
  tokens: number;
  injection: number;
  jailbreak: number;
}

/** The logits the fixture model computes for a window with these token counts. */
export function promptGuardFixtureLogits(
  counts: PromptGuardTokenCounts,
  options: PromptGuardModelOptions = {},
): number[] {
  const { logitScale } = promptGuardFixtureWeights;
  const weight = options.triggerWeight ?? promptGuardFixtureWeights.triggerWeight;
  const benign = counts.tokens - counts.injection - counts.jailbreak;
  const scale = logitScale / counts.tokens;
  return (options.variant ?? "v1") === "v1"
    ? [benign * scale, weight * counts.injection * scale, weight * counts.jailbreak * scale]
    : [benign * scale, weight * (counts.injection + counts.jailbreak) * scale];
}

export function promptGuardLabels(options: PromptGuardModelOptions): readonly string[] {
  const defaults = promptGuardFixtureLabels[options.variant ?? "v1"];
  if (options.labels !== undefined && options.labels.length !== defaults.length) {
    throw new RangeError(`the ${options.variant ?? "v1"} layout has ${defaults.length} labels`);
  }
  return options.labels ?? defaults;
}

const evidenceSize = 3;
const evidenceIndex = { injection: 1, jailbreak: 2 } as const;

/**
 * ONNX graph of the fixture classifier, with the inputs/outputs of an `optimum` export of a
 * DeBERTa-v2 sequence classifier: `input_ids`, `attention_mask` (and optionally `token_type_ids`),
 * int64 `[batch_size, sequence_length]` → float32 `logits` `[batch_size, num_labels]`.
 *
 * Gather(embeddings, input_ids) · mask → ReduceSum / count (mean pooling) → MatMul + Add.
 */
export function promptGuardClassifierModel(
  vocabulary: readonly PromptGuardPiece[],
  options: PromptGuardModelOptions = {},
): OnnxModel {
  const labels = promptGuardLabels(options);
  const weight = options.triggerWeight ?? promptGuardFixtureWeights.triggerWeight;
  const embeddings = new Float32Array(vocabulary.length * evidenceSize);
  vocabulary.forEach((entry, id) => {
    if (id === 0) return; // [PAD] (padding_idx): all zeros, and masked out anyway
    if (entry.trigger === undefined) embeddings[id * evidenceSize] = 1;
    else embeddings[id * evidenceSize + evidenceIndex[entry.trigger]] = weight;
  });
  const { logitScale } = promptGuardFixtureWeights;
  // Rows: evidence (benign, injection, jailbreak); columns: labels.
  const classifier =
    labels.length === 3
      ? [logitScale, 0, 0, 0, logitScale, 0, 0, 0, logitScale]
      : [logitScale, 0, 0, logitScale, 0, logitScale];

  const sequence = ["batch_size", "sequence_length"];
  const inputs: OnnxValueInfo[] = [
    { name: "input_ids", type: "int64", shape: sequence },
    { name: "attention_mask", type: "int64", shape: sequence },
  ];
  const initializers: OnnxTensor[] = [
    {
      name: "deberta.embeddings.word_embeddings.weight",
      type: "float32",
      dims: [vocabulary.length, evidenceSize],
      data: embeddings,
    },
    {
      name: "classifier.weight",
      type: "float32",
      dims: [evidenceSize, labels.length],
      data: Float32Array.from(classifier),
    },
    {
      name: "classifier.bias",
      type: "float32",
      dims: [labels.length],
      data: new Float32Array(labels.length),
    },
    { name: "last_axis", type: "int64", dims: [1], data: BigInt64Array.of(-1n) },
    { name: "sequence_axis", type: "int64", dims: [1], data: BigInt64Array.of(1n) },
    { name: "one", type: "float32", dims: [], data: Float32Array.of(1) },
  ];
  const nodes: OnnxNode[] = [
    {
      opType: "Gather",
      name: "word_embeddings",
      inputs: ["deberta.embeddings.word_embeddings.weight", "input_ids"],
      outputs: ["word_embeddings_output"],
      attributes: { axis: { type: "int", value: 0 } },
    },
  ];
  let tokenEmbeddings = "word_embeddings_output";
  if (options.withTokenTypeIds) {
    inputs.push({ name: "token_type_ids", type: "int64", shape: sequence });
    // Two segment types with zero vectors: present and consumed like BERT's, without changing scores.
    initializers.push({
      name: "deberta.embeddings.token_type_embeddings.weight",
      type: "float32",
      dims: [2, evidenceSize],
      data: new Float32Array(2 * evidenceSize),
    });
    nodes.push(
      {
        opType: "Gather",
        name: "token_type_embeddings",
        inputs: ["deberta.embeddings.token_type_embeddings.weight", "token_type_ids"],
        outputs: ["token_type_embeddings_output"],
        attributes: { axis: { type: "int", value: 0 } },
      },
      {
        opType: "Add",
        name: "embeddings_sum",
        inputs: ["word_embeddings_output", "token_type_embeddings_output"],
        outputs: ["embeddings_output"],
      },
    );
    tokenEmbeddings = "embeddings_output";
  }
  nodes.push(
    {
      opType: "Cast",
      name: "mask_to_float",
      inputs: ["attention_mask"],
      outputs: ["mask_float"],
      attributes: { to: { type: "int", value: 1 } },
    },
    // Opset 13+: Unsqueeze and ReduceSum take their axes as an int64 input, not an attribute.
    {
      opType: "Unsqueeze",
      name: "mask_expand",
      inputs: ["mask_float", "last_axis"],
      outputs: ["mask_expanded"],
    },
    { opType: "Mul", name: "mask_apply", inputs: [tokenEmbeddings, "mask_expanded"], outputs: ["masked"] },
    {
      opType: "ReduceSum",
      name: "pool_sum",
      inputs: ["masked", "sequence_axis"],
      outputs: ["summed"],
      attributes: { keepdims: { type: "int", value: 0 } },
    },
    {
      opType: "ReduceSum",
      name: "pool_count",
      inputs: ["mask_float", "sequence_axis"],
      outputs: ["count"],
      attributes: { keepdims: { type: "int", value: 1 } },
    },
    { opType: "Max", name: "count_at_least_one", inputs: ["count", "one"], outputs: ["safe_count"] },
    { opType: "Div", name: "pool_mean", inputs: ["summed", "safe_count"], outputs: ["pooled"] },
    {
      opType: "MatMul",
      name: "classifier_matmul",
      inputs: ["pooled", "classifier.weight"],
      outputs: ["projected"],
    },
    { opType: "Add", name: "classifier_bias", inputs: ["projected", "classifier.bias"], outputs: ["logits"] },
  );
  return {
    irVersion: 8,
    opsetVersion: 17,
    producerName: "llama-stack-ts test-fixtures",
    producerVersion: "1",
    docString: "Tiny Prompt Guard stand-in: mean-pooled trigger-word evidence, not a trained model.",
    graph: {
      name: "tiny_prompt_guard",
      nodes,
      initializers,
      inputs,
      outputs: [{ name: "logits", type: "float32", shape: ["batch_size", labels.length] }],
    },
  };
}
