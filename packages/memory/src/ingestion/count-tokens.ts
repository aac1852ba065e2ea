import { splitIntoTokenUnits } from "./split-into-token-units.ts";

/**
 * cl100k_base tokens in `text`, counted piece by piece. Exact for ordinary text; a run of more
 * than 32 characters without a break (base64, long CJK runs) is counted in short slices, since
 * BPE over one long piece is quadratic and could stall the server for seconds.
 * Special-token strings such as `<|endoftext|>` count as plain text.
 */
export function countTokens(text: string): number {
  let total = 0;
  for (const unit of splitIntoTokenUnits(text)) total += unit.tokens;
  return total;
}
