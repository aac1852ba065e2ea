/**
 * How good a place it is to end a chunk between `before` and `after` (adjacent token units):
 * 4 paragraph break, 3 line break, 2 sentence end, 1 word boundary, 0 inside a word.
 */
export function cutQuality(before: string, after: string): number {
  if (/\n[^\S\n]*\n\s*$/.test(before)) return 4;
  if (before.endsWith("\n")) return 3;
  const spaceFollows = after === "" || /^\s/.test(after);
  if (spaceFollows && /[.!?。！？…]["'”’)\]]*$/.test(before)) return 2;
  if (spaceFollows || /\s$/.test(before)) return 1;
  return 0;
}
