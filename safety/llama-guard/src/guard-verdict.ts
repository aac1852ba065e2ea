import type { CategoryCode } from "./categories.ts";

/** A parsed Llama Guard answer. */
export type GuardVerdict =
  | { safe: true }
  | {
      safe: false;
      /** Violated codes, de-duplicated, in the order the model gave them, excluded ones removed. */
      codes: CategoryCode[];
      /** Codes among `codes` that were not listed in the prompt (only when `categories` was given). */
      notInPrompt?: CategoryCode[];
    };
