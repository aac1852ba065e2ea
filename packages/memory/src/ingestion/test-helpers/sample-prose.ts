const WORDS =
  "vector store retrieval chunk token overlap window paragraph sentence embedding search query document index model server request response cache latency memory storage file upload parse text boundary".split(
    " ",
  );

/**
 * Deterministic English-like prose: sentences of 6–15 words, paragraphs of 3–6 sentences,
 * generated from a seeded linear congruential generator so every run sees the same text.
 */
export function sampleProse(paragraphs: number, seed = 42): string {
  let state = seed;
  const next = (limit: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0, count = 3 + next(4); s < count; s++) {
      const words = Array.from({ length: 6 + next(10) }, () => WORDS[next(WORDS.length)]!);
      const sentence = words.join(" ");
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    }
    out.push(sentences.join(" "));
  }
  return out.join("\n\n");
}
