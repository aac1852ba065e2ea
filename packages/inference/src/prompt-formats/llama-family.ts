/** Llama generations whose prompt formats this folder implements. */
export type LlamaFamily = "llama3_1" | "llama3_2" | "llama3_3";

// "llama" then "3" then a minor version joined by ".", "_" or nothing ("llama3.1", "Llama-3.2", "llama3_3").
const VERSION = /llama[\s_-]*3(?:[._]|\s*point\s*)?([123])(?![\d])/;
const GUARD = /llama[\s_-]*guard[\s_-]*3[\s_-]*(\d+)b/;
// 3.2 Vision (11B/90B) was trained on the 3.1 text format, so it is formatted as 3.1.
const VISION = /vision|\b(?:11|90)b\b/;

/**
 * The Llama family of a model from its name, GGUF `general.name` or file name; `null` when unknown
 * (including Llama 3.0, which has no tool format).
 *
 * @example detectLlamaFamily("meta-llama/Llama-3.3-70B-Instruct") // "llama3_3"
 */
export function detectLlamaFamily(name: string): LlamaFamily | null {
  const lower = name.toLowerCase();
  const guard = GUARD.exec(lower);
  if (guard) return guard[1] === "1" ? "llama3_2" : "llama3_1";
  const version = VERSION.exec(lower);
  if (!version) return null;
  if (version[1] === "1") return "llama3_1";
  if (version[1] === "3") return "llama3_3";
  return VISION.test(lower.slice(version.index)) ? "llama3_1" : "llama3_2";
}

/** Llama Guard 3 is prompted with one user turn and no system block (Meta's and llama-stack's layout). */
export function isLlamaGuardModel(name: string): boolean {
  return GUARD.test(name.toLowerCase());
}
