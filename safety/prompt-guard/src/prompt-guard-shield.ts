import { join } from "node:path";
import { type ProviderHealth, type SafetyViolation, ServiceUnavailableError } from "@llama-stack-ts/api";
import { defineShield } from "@llama-stack-ts/provider-kit";
import { loadPromptGuardClassifier, type PromptGuardClassifier } from "./load-prompt-guard-classifier.ts";
import { messageTexts } from "./message-texts.ts";
import { missingModelFiles, modelFilesHelp } from "./missing-model-files.ts";
import { normalizeWhitespace } from "./normalize-whitespace.ts";
import { type PromptGuardConfig, PromptGuardConfigSchema } from "./prompt-guard-config.ts";
import { type LabelLayout, labelLayout, promptGuardScore } from "./prompt-guard-score.ts";
import { DEFAULT_PROMPT_GUARD_MODEL, resolveModelDir } from "./resolve-model-dir.ts";
import { splitWindows } from "./split-windows.ts";

/** The refusal llama-stack's Prompt Guard shield returns (asserted verbatim by its tests). */
export const PROMPT_GUARD_REFUSAL = "Sorry, I cannot do this.";

interface LoadedModel {
  classifier: PromptGuardClassifier;
  layout: LabelLayout;
}

interface Window {
  messageIndex: number;
  window: number;
  ids: number[];
}

/**
 * `inline::prompt-guard`: Prompt Guard 1 (BENIGN/INJECTION/JAILBREAK) or 2 (benign/malicious) as a
 * local ONNX classifier. Unlike upstream, which scores only the first 512 tokens, every text is
 * split into windows and the worst window decides. Models load on first use, once per directory.
 * Moderations are not implemented (upstream answers 501 too).
 */
export const promptGuardShield = defineShield({
  type: "inline::prompt-guard",
  description: "Detects prompt injection and jailbreak attempts with a local Prompt Guard (ONNX) classifier.",
  configSchema: PromptGuardConfigSchema,
  create({ config, logger }) {
    const models = new Map<string, Promise<LoadedModel>>();

    async function load(directory: string): Promise<LoadedModel> {
      const missing = missingModelFiles(directory);
      if (missing.length > 0) throw new ServiceUnavailableError(modelFilesHelp(directory, missing));
      const started = performance.now();
      const classifier = await loadPromptGuardClassifier(directory);
      try {
        const layout = labelLayout(classifier.labels);
        logger.info("Prompt Guard model loaded", {
          model_dir: directory,
          labels: classifier.labels,
          ms: Math.round(performance.now() - started),
        });
        return { classifier, layout };
      } catch (error) {
        await classifier.dispose();
        throw error;
      }
    }

    // Concurrent first calls share one load; a failed load is forgotten so a fixed directory works.
    function modelFor(directory: string): Promise<LoadedModel> {
      let pending = models.get(directory);
      if (pending === undefined) {
        pending = load(directory);
        models.set(directory, pending);
        const loading = pending;
        loading.catch(() => {
          if (models.get(directory) === loading) models.delete(directory);
        });
      }
      return pending;
    }

    return {
      async run(messages, call) {
        const directory = resolveModelDir(config, call.providerShieldId);
        const texts = messageTexts(messages, config.messages)
          .map(({ messageIndex, text }) => ({ messageIndex, text: normalizeWhitespace(text) }))
          .filter(({ text }) => text !== "");
        if (texts.length === 0) return null;
        const { classifier, layout } = await modelFor(directory);
        const capacity = config.window_tokens - classifier.specialTokenCount;
        const windows: Window[] = texts.flatMap(({ messageIndex, text }) =>
          splitWindows(classifier.tokenize(text), capacity).map((ids, window) => ({
            messageIndex,
            window,
            ids,
          })),
        );
        return judge(classifier, layout, windows, config, call.signal);
      },
      async health(): Promise<ProviderHealth> {
        const directory = config.model_dir ?? join(config.models_dir, DEFAULT_PROMPT_GUARD_MODEL);
        const missing = missingModelFiles(directory);
        return missing.length === 0
          ? { status: "OK" }
          : { status: "Error", message: modelFilesHelp(directory, missing) };
      },
      async shutdown() {
        const loaded = await Promise.allSettled(models.values());
        models.clear();
        for (const result of loaded)
          if (result.status === "fulfilled") await result.value.classifier.dispose();
      },
    };
  },
});

/** Scores the windows in batches; the highest score decides, flagged when strictly above the threshold. */
async function judge(
  classifier: PromptGuardClassifier,
  layout: LabelLayout,
  windows: readonly Window[],
  config: PromptGuardConfig,
  signal: AbortSignal | undefined,
): Promise<SafetyViolation | null> {
  let worst: { score: number; violationType: string; window: Window; probabilities: number[] } | undefined;
  for (let start = 0; start < windows.length; start += config.batch_size) {
    signal?.throwIfAborted();
    const batch = windows.slice(start, start + config.batch_size);
    const rows = await classifier.scoreTokens(
      batch.map((window) => window.ids),
      { temperature: config.temperature },
    );
    rows.forEach((probabilities, index) => {
      const scored = promptGuardScore(probabilities, layout, config.guard_type);
      if (worst === undefined || scored.score > worst.score) {
        worst = { ...scored, window: batch[index]!, probabilities };
      }
    });
  }
  if (worst === undefined || !(worst.score > config.threshold)) return null;
  const top = worst.probabilities.indexOf(Math.max(...worst.probabilities));
  return {
    violation_level: "error",
    user_message: PROMPT_GUARD_REFUSAL,
    metadata: {
      violation_type: worst.violationType,
      score: worst.score,
      label: classifier.labels[top],
      message_index: worst.window.messageIndex,
      window: worst.window.window,
    },
  };
}
