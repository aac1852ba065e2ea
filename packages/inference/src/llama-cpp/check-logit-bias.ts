import { InvalidRequestError } from "@llama-stack-ts/api";

/**
 * Refuses `logit_bias` keys that are not token ids of the model (0 ≤ id < `vocabularySize`), as
 * OpenAI does, instead of letting the engine silently ignore (or misread) them.
 */
export function checkLogitBias(
  logitBias: Record<string, number> | null | undefined,
  vocabularySize: number,
): void {
  for (const key of Object.keys(logitBias ?? {})) {
    if (/^\d+$/.test(key) && Number(key) < vocabularySize) continue;
    throw new InvalidRequestError(
      `logit_bias key '${key}' is not a token id of this model; its token ids are integers from 0 to ${vocabularySize - 1}.`,
      { param: `logit_bias.${key}` },
    );
  }
}
