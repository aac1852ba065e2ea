/**
 * Words the tiny Prompt Guard fixture model treats as attack evidence (lowercase and Capitalized
 * spellings; `DAN` only upper-case). Each whole-word occurrence is one token. Other spellings
 * (`IGNORE`, `ignorer`'s `r`…) fall back to pieces that are benign, except that a word which merely
 * starts with a trigger (`ignored` = `▁ignore` + `d`) still carries it, as subwords do in real models.
 *
 * - `jailbreak`: raises the JAILBREAK logit (v1) / the malicious logit (v2).
 * - `injection`: raises the INJECTION logit (v1) / the malicious logit (v2).
 */
export const promptGuardTriggerWords = {
  jailbreak: ["ignore", "previous", "instructions", "jailbreak", "DAN", "disregard", "bypass"],
  injection: ["tool", "output", "execute", "send", "exfiltrate", "credentials"],
} as const;

export type PromptGuardTriggerKind = keyof typeof promptGuardTriggerWords;
