import { type Completion, InvalidRequestError } from "@llama-stack-ts/api";

/** The non-streaming answer from the streamed pieces: each choice's text joined, by `index`. */
export async function assembleCompletion(pieces: AsyncIterable<Completion>): Promise<Completion> {
  const choices = new Map<number, Completion["choices"][number]>();
  let last: Completion | undefined;
  for await (const piece of pieces) {
    for (const choice of piece.choices) {
      const text = (choices.get(choice.index)?.text ?? "") + choice.text;
      choices.set(choice.index, { ...choice, text });
    }
    last = piece;
  }
  if (!last) throw new InvalidRequestError("The request was cancelled before the model finished.");
  return { ...last, choices: [...choices.values()].sort((a, b) => a.index - b.index) };
}
