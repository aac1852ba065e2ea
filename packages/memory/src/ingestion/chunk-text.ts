import type { Chunk } from "./chunk.ts";
import { type ChunkingStrategy, chunkWindow, parseChunkingStrategy } from "./chunking-strategy.ts";
import { countTokens } from "./count-tokens.ts";
import { cutQuality } from "./cut-quality.ts";
import { splitIntoTokenUnits, type TokenUnit } from "./split-into-token-units.ts";

/** A window may end this far (as a share of its size) before its limit to reach a better cut. */
const CUT_SEARCH_SHARE = 0.1;

/**
 * Token windows over `text`, as upstream: each at most the strategy's size, the next starting
 * about `chunk_overlap_tokens` before the previous one ended. Within the last tenth of a window
 * the end moves to the best nearby boundary (paragraph, line, sentence, word). Deterministic;
 * whitespace-only windows are dropped.
 *
 * @example
 * chunkText(text, { type: "static", static: { max_chunk_size_tokens: 400, chunk_overlap_tokens: 100 } });
 */
export function chunkText(text: string, strategy: ChunkingStrategy = { type: "auto" }): Chunk[] {
  const { maxTokens, overlapTokens } = chunkWindow(parseChunkingStrategy(strategy));
  const units = splitIntoTokenUnits(text);
  // offsets[i] = tokens before unit i; offsets[units.length] = the document's token count.
  const offsets = [0];
  for (const unit of units) offsets.push(offsets[offsets.length - 1]! + unit.tokens);
  const unitText = (index: number): string => {
    const unit = units[index];
    return unit === undefined ? "" : text.slice(unit.start, unit.end);
  };
  const isBlank = (index: number): boolean => unitText(index).trim() === "";

  const chunks: Chunk[] = [];
  let start = 0;
  while (start < units.length) {
    while (start < units.length && isBlank(start)) start++;
    if (start === units.length) break;

    let end = start;
    while (end < units.length && offsets[end + 1]! - offsets[start]! <= maxTokens) end++;
    if (end < units.length) end = bestCut(start, end, maxTokens, offsets, unitText);
    while (end > start + 1 && isBlank(end - 1)) end--;

    let body = windowText(text, units, start, end);
    let tokenCount = countTokens(body);
    // Re-tokenizing the window alone can, rarely, merge differently at its edges.
    while (tokenCount > maxTokens && end > start + 1) {
      end--;
      body = windowText(text, units, start, end);
      tokenCount = countTokens(body);
    }
    chunks.push({
      index: chunks.length,
      text: body,
      tokenCount,
      startToken: offsets[start]!,
      endToken: offsets[end]!,
    });

    let rest = end;
    while (rest < units.length && isBlank(rest)) rest++;
    if (rest === units.length) break;
    let next = end;
    while (next > start + 1 && offsets[end]! - offsets[next - 1]! <= overlapTokens) next--;
    start = next;
  }
  return chunks;
}

/** The best-quality cut in the window's last tenth; the latest one among equals. */
function bestCut(
  start: number,
  limit: number,
  maxTokens: number,
  offsets: number[],
  unitText: (index: number) => string,
): number {
  const earliest = offsets[start]! + maxTokens * (1 - CUT_SEARCH_SHARE);
  let best = limit;
  let bestQuality = cutQuality(unitText(limit - 1), unitText(limit));
  for (let cut = limit - 1; cut > start && offsets[cut]! >= earliest; cut--) {
    const quality = cutQuality(unitText(cut - 1), unitText(cut));
    if (quality > bestQuality) {
      best = cut;
      bestQuality = quality;
    }
  }
  return best;
}

function windowText(text: string, units: TokenUnit[], start: number, end: number): string {
  return text.slice(units[start]!.start, units[end - 1]!.end).trim();
}
