import { encodeLlama31 } from "./encode-llama31.ts";
import { llama31TokenIds } from "./llama31-token-ids.ts";
import { llama31Vocabulary } from "./llama31-vocabulary.ts";

/** Plain text, or text mixed with special tokens such as `{ special: "<|python_tag|>" }`. */
export type ChainText = string | readonly (string | { special: string })[];

export type ChainEndToken = "eot" | "eom";

/**
 * The token chain a chain model follows: `"\n\n"` (end of the assistant header), the text, then
 * the end token. Throws when a token would need two different successors.
 */
export function chainTokens(text: ChainText, endToken: ChainEndToken = "eot"): number[] {
  const segments = typeof text === "string" ? [text] : text;
  const tokens = [llama31TokenIds.doubleNewline as number];
  for (const segment of segments) {
    if (typeof segment === "string") tokens.push(...encodeLlama31(segment));
    else tokens.push(specialTokenId(segment.special));
  }
  tokens.push(endToken === "eom" ? llama31TokenIds.endOfMessage : llama31TokenIds.endOfTurn);

  const successors = new Map<number, number>();
  for (let index = 0; index + 1 < tokens.length; index++) {
    const token = tokens[index]!;
    const next = tokens[index + 1]!;
    const known = successors.get(token);
    if (known !== undefined && known !== next) {
      const names = llama31Vocabulary().tokens;
      throw new Error(
        `Chain model text repeats token ${token} ${JSON.stringify(names[token])} with different successors ` +
          `(${JSON.stringify(names[known])} and ${JSON.stringify(names[next])}); choose a text where each token ` +
          `is always followed by the same token (note "\\n\\n" is the header's last token).`,
      );
    }
    successors.set(token, next);
  }
  return tokens;
}

function specialTokenId(name: string): number {
  const { tokens } = llama31Vocabulary();
  const id = tokens.indexOf(name, llama31TokenIds.beginOfText);
  if (id === -1) throw new Error(`${name} is not a Llama 3.1 special token`);
  return id;
}
