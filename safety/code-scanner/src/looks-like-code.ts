import { guessLanguage, type Language } from "./language.ts";

/** A sentence: five or more plain words, no code punctuation. */
const PROSE_LINE = /^[\p{L}"'(][\p{L}\p{N}'",]*(?:\s+[\p{L}\p{N}'",()-]+){4,}[.!?:]?$/u;
const CODE_PUNCTUATION = /[{}[\];=<>$|&`\\]|\w\(|^\s*#/;

/**
 * The language of `text` if the whole text reads as code (a confident `guessLanguage` and at most a
 * quarter of the lines reading like prose), else `undefined`. Used for messages without fences.
 */
export function looksLikeCode(text: string): Language | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) return undefined;
  const prose = lines.filter((line) => PROSE_LINE.test(line.trim()) && !CODE_PUNCTUATION.test(line)).length;
  if (prose * 4 > lines.length) return undefined;
  const language = guessLanguage(text);
  return language === "unknown" ? undefined : language;
}
