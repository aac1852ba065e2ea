export {
  loadPromptGuardClassifier,
  type PromptGuardClassifier,
  promptGuardMaxTokens,
  promptGuardModelFiles,
  type ScoreTokensOptions,
} from "./load-prompt-guard-classifier.ts";
export { type MessageText, messageTexts } from "./message-texts.ts";
export { missingModelFiles, modelFilesHelp } from "./missing-model-files.ts";
export { normalizeWhitespace } from "./normalize-whitespace.ts";
export { type PromptGuardConfig, PromptGuardConfigSchema } from "./prompt-guard-config.ts";
export {
  type GuardType,
  type LabelLayout,
  labelLayout,
  promptGuardScore,
  type WindowScore,
} from "./prompt-guard-score.ts";
export {
  PROMPT_GUARD_REFUSAL,
  promptGuardShield,
  promptGuardShield as default,
} from "./prompt-guard-shield.ts";
export { pythonFloat } from "./python-float.ts";
export { DEFAULT_PROMPT_GUARD_MODEL, resolveModelDir } from "./resolve-model-dir.ts";
export { splitWindows } from "./split-windows.ts";
