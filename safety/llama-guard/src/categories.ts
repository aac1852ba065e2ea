import { z } from "zod";

/** The Llama Guard 3 hazard codes, in order. */
export const CATEGORY_CODES = [
  "S1",
  "S2",
  "S3",
  "S4",
  "S5",
  "S6",
  "S7",
  "S8",
  "S9",
  "S10",
  "S11",
  "S12",
  "S13",
  "S14",
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

/**
 * The names used inside the prompt (`Sn: Name.`), which are also the moderation category keys.
 * They differ from the MLCommons model-card names for S3, S4 and S11 on purpose: these are what the
 * models were prompted with.
 */
export const CATEGORY_NAMES: Readonly<Record<CategoryCode, string>> = {
  S1: "Violent Crimes",
  S2: "Non-Violent Crimes",
  S3: "Sex Crimes",
  S4: "Child Exploitation",
  S5: "Defamation",
  S6: "Specialized Advice",
  S7: "Privacy",
  S8: "Intellectual Property",
  S9: "Indiscriminate Weapons",
  S10: "Hate",
  S11: "Self-Harm",
  S12: "Sexual Content",
  S13: "Elections",
  S14: "Code Interpreter Abuse",
};

const CODE_SET: ReadonlySet<string> = new Set(CATEGORY_CODES);

export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === "string" && CODE_SET.has(value);
}

/** `S3` → 3, for sorting codes in numeric (not string) order. */
export function categoryNumber(code: CategoryCode): number {
  return Number(code.slice(1));
}

// "llama" "guard" <generation> <size>"b", with any of space _ - : . between the parts, so that
// "Llama-Guard-3-1B", "llama-guard3:1b", "llama_guard_3_11b", "LlamaGuard-3-8B" all match.
const GUARD_ID = /llama[\s_.-]*guard[\s_.:-]*(\d)[\s_.:-]*(\d+)b/;

/**
 * The categories a Llama Guard model was trained on.
 *
 * Rule: the id is lower-cased and searched (anywhere, so `meta-llama/`, `hf:Owner/…-GGUF:Q4_K_M`,
 * `…-Q4_K_M.gguf` and Ollama tags all work) for "llama guard <generation> <size>b". Generation 4, or
 * generation 3 at 1B or 11B, or any Llama Guard id containing "vision", gets the 13 categories
 * S1–S13. Everything else — Llama-Guard-3-8B, but also ids we cannot read such as a bare
 * `llama-guard3` (Ollama's default tag is the 8B) — gets all 14, as llama-stack does for unknown ids.
 */
export function categoriesForModel(modelId: string): CategoryCode[] {
  const id = modelId.toLowerCase();
  const match = GUARD_ID.exec(id);
  const thirteen =
    (match !== null && (match[1] === "4" || (match[1] === "3" && (match[2] === "1" || match[2] === "11")))) ||
    (/llama[\s_.-]*guard/.test(id) && id.includes("vision"));
  return thirteen ? CATEGORY_CODES.filter((code) => code !== "S14") : [...CATEGORY_CODES];
}

/**
 * A shield's `excluded_categories`: codes `S1`…`S14` exactly (upstream rejects anything else).
 * An invalid entry fails with a message naming it.
 */
export const ExcludedCategoriesSchema = z.array(
  z.enum(CATEGORY_CODES, {
    error: (issue) =>
      `Invalid excluded category ${JSON.stringify(issue.input)}: expected a code S1 to S14, e.g. ["S1", "S2"]`,
  }),
);

/**
 * The categories to put in the prompt: the model's categories minus `excluded`, in code order.
 *
 * If `excluded` would leave nothing (it lists every code, as upstream checks, or at least every code
 * of this model, e.g. S1–S13 for the 1B) nothing is excluded: a prompt with no categories is
 * meaningless. The exclusion still applies when parsing the answer (see `parseVerdict`), so such a
 * shield never flags — which is what excluding everything asks for.
 */
export function activeCategories(modelId: string, excluded: readonly string[] = []): CategoryCode[] {
  const all = categoriesForModel(modelId);
  const skip = new Set(excluded);
  const kept = all.filter((code) => !skip.has(code));
  return kept.length === 0 ? all : kept;
}
