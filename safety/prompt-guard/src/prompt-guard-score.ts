import { pythonFloat } from "./python-float.ts";

export type GuardType = "injection" | "jailbreak";

/** Where a classifier's labels sit: v1 has benign/injection/jailbreak, v2 benign/malicious. */
export type LabelLayout =
  | { kind: "three-way"; injection: number; jailbreak: number }
  | { kind: "binary"; malicious: number };

/**
 * Reads the layout from `id2label` names: two labels are Prompt Guard 2's benign/malicious pair
 * (index 1 is malicious, whatever it is called: the checkpoints say `LABEL_1`); three are Prompt
 * Guard 1's, found by name (`INJECTION`, `JAILBREAK`) or else by position (1, 2).
 */
export function labelLayout(labels: readonly string[]): LabelLayout {
  if (labels.length === 2) return { kind: "binary", malicious: 1 };
  if (labels.length === 3) {
    const find = (name: string, fallback: number) => {
      const index = labels.findIndex((label) => label.toUpperCase() === name);
      return index >= 0 ? index : fallback;
    };
    return { kind: "three-way", injection: find("INJECTION", 1), jailbreak: find("JAILBREAK", 2) };
  }
  throw new Error(
    `Prompt Guard models have 2 labels (v2) or 3 (v1); this one has ${labels.length}: ${labels.join(", ")}`,
  );
}

export interface WindowScore {
  /** What the threshold is compared with. */
  score: number;
  /** Upstream's `metadata.violation_type` for this score. */
  violationType: string;
}

/**
 * One window's score for a guard type (llama-recipes): v1 `injection` = P(injection) + P(jailbreak),
 * v1 `jailbreak` = P(jailbreak); v2 both = P(malicious). `violationType` follows upstream:
 * `prompt_injection:embedded={p1},malicious={p2}` for v1 injection, else `prompt_injection:malicious={p}`.
 */
export function promptGuardScore(
  probabilities: readonly number[],
  layout: LabelLayout,
  guardType: GuardType,
): WindowScore {
  if (layout.kind === "binary") {
    const malicious = probabilities[layout.malicious] ?? 0;
    return { score: malicious, violationType: `prompt_injection:malicious=${pythonFloat(malicious)}` };
  }
  const embedded = probabilities[layout.injection] ?? 0;
  const malicious = probabilities[layout.jailbreak] ?? 0;
  return guardType === "injection"
    ? {
        score: embedded + malicious,
        violationType: `prompt_injection:embedded=${pythonFloat(embedded)},malicious=${pythonFloat(malicious)}`,
      }
    : { score: malicious, violationType: `prompt_injection:malicious=${pythonFloat(malicious)}` };
}
