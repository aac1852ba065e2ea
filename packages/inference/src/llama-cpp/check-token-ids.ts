import { InvalidRequestError } from "@llama-stack-ts/api";

/**
 * Refuses token ids outside the vocabulary (0 ≤ id < `vocabularySize`) before they reach
 * llama.cpp, whose decode fails on them ("Eval has failed"). `param` names the input, e.g. `prompt[1]`.
 */
export function checkTokenIds(tokens: readonly number[], vocabularySize: number, param: string): void {
  const at = tokens.findIndex((id) => !Number.isInteger(id) || id < 0 || id >= vocabularySize);
  if (at < 0) return;
  throw new InvalidRequestError(
    `${param}[${at}] is token id ${tokens[at]}; this model's token ids are integers from 0 to ${vocabularySize - 1}.`,
    { param: `${param}[${at}]` },
  );
}
