/**
 * A piece of a prompt: plain text (tokenized with special tokens disabled, so user text can never
 * inject control tokens) or `{ special }` text whose `<|…|>` markers become control tokens.
 */
export type PromptSegment = string | { special: string };

/** Marks text as special-token text. */
export function special(text: string): { special: string } {
  return { special: text };
}

/** Appends segments, merging neighbours of the same kind and dropping empty ones. */
export function appendSegments(target: PromptSegment[], ...segments: PromptSegment[]): void {
  for (const segment of segments) {
    const text = typeof segment === "string" ? segment : segment.special;
    if (text === "") continue;
    const last = target.at(-1);
    if (typeof segment === "string" && typeof last === "string") {
      target[target.length - 1] = last + segment;
    } else if (typeof segment !== "string" && last !== undefined && typeof last !== "string") {
      target[target.length - 1] = special(last.special + segment.special);
    } else {
      target.push(segment);
    }
  }
}
