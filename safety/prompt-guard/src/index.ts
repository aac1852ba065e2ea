export {
  loadPromptGuardClassifier,
  type PromptGuardClassifier,
  promptGuardMaxTokens,
} from "./load-prompt-guard-classifier.ts";
