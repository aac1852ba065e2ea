import { unreadable } from "./unreadable.ts";

/**
 * Bytes to a string for the text-based formats: honours a UTF-16 BOM or an explicit charset,
 * otherwise insists on UTF-8, strips the BOM, and rejects content that is plainly binary.
 */
export function decodeText(bytes: Uint8Array, filename: string, charset?: string): string {
  let text: string;
  try {
    text = new TextDecoder(pickEncoding(bytes, charset), { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw unreadable(filename, `the charset '${charset}' is not supported`);
    throw unreadable(filename, "the file is not valid UTF-8 text");
  }
  // TextDecoder already drops a leading BOM; an explicit one can survive a non-default label.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw unreadable(filename, "the file contains binary data, not text");
  return text;
}

function pickEncoding(bytes: Uint8Array, charset: string | undefined): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return charset?.trim() || "utf-8";
}

/** NUL bytes, or more than 1% control characters other than tab, newline, form feed and CR. */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) {
      controls++;
    }
  }
  return controls > Math.max(4, text.length / 100);
}
