import { CL100K_PIECE_PATTERN, cl100kTokenizer } from "./cl100k-tokenizer.ts";

/** A span of the text (UTF-16 offsets) that is cut as a whole, with its token count. */
export interface TokenUnit {
  start: number;
  end: number;
  tokens: number;
}

/** Longer pieces are sliced before BPE, whose cost grows with the square of a piece's length. */
const LONG_PIECE_CHARACTERS = 32;
/** A token per UTF-8 byte at most: slices (≤ 64) and short pieces (≤ 96) stay under the smallest chunk (100). */
const SPLIT_CODE_POINTS = 16;

/** Words repeat a lot, and a hit skips BPE; emptied when full rather than tracking recency. */
const counted = new Map<string, number>();
const MAX_CACHED_PIECES = 100_000;

function count(piece: string): number {
  let tokens = counted.get(piece);
  if (tokens === undefined) {
    tokens = cl100kTokenizer().encode(piece, [], []).length;
    if (counted.size >= MAX_CACHED_PIECES) counted.clear();
    counted.set(piece, tokens);
  }
  return tokens;
}

/**
 * The text as the tokenizer's own pre-tokenization pieces (words with their leading space,
 * number groups, punctuation runs, whitespace runs). Cutting only between pieces never splits a
 * UTF-8 character and almost never a token. Pieces too long to fit a chunk, such as a base64
 * blob, are sliced between grapheme clusters.
 */
export function splitIntoTokenUnits(text: string): TokenUnit[] {
  const units: TokenUnit[] = [];
  for (const match of text.matchAll(new RegExp(CL100K_PIECE_PATTERN, "gu"))) {
    const piece = match[0];
    const start = match.index;
    if (piece.length <= LONG_PIECE_CHARACTERS)
      units.push({ start, end: start + piece.length, tokens: count(piece) });
    else {
      for (const part of splitLongPiece(piece)) {
        const tokens = count(piece.slice(part.start, part.end));
        units.push({ start: start + part.start, end: start + part.end, tokens });
      }
    }
  }
  return units;
}

/** Offsets of ≤16-code-point parts, cut between graphemes unless one grapheme is itself longer. */
function splitLongPiece(piece: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let partStart = 0;
  let position = 0;
  let codePoints = 0;
  const cut = (): void => {
    parts.push({ start: partStart, end: position });
    partStart = position;
    codePoints = 0;
  };
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(piece)) {
    const characters = [...segment];
    if (codePoints > 0 && codePoints + characters.length > SPLIT_CODE_POINTS) cut();
    for (const character of characters) {
      // Only a grapheme of more than 16 code points (e.g. stacked combining marks) is split inside.
      if (codePoints === SPLIT_CODE_POINTS) cut();
      position += character.length;
      codePoints++;
    }
  }
  if (position > partStart) cut();
  return parts;
}
