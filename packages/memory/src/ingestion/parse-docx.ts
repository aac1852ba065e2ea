import type { ParsedDocument } from "./parsed-document.ts";
import { unreadable } from "./unreadable.ts";

/** Raw text of a Word document, paragraphs separated by blank lines; mammoth is loaded on first use. */
export async function parseDocx(bytes: Uint8Array, filename: string): Promise<ParsedDocument> {
  const { default: mammoth } = await import("mammoth");
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  } catch (error) {
    throw unreadable(filename, "the DOCX is damaged", error);
  }
  const text = result.value.replace(/\n{3,}/g, "\n\n").trim();
  return { text, format: "docx", metadata: { warningCount: result.messages.length } };
}
