import type { ParsedDocument } from "./parsed-document.ts";
import { unreadable } from "./unreadable.ts";
import { UnsupportedDocumentError } from "./unsupported-document-error.ts";

/**
 * Text of every page, pages separated by blank lines. pdfjs is loaded on first use (it is large)
 * and, under Node, always runs its "worker" on the main thread, so no worker file is configured.
 */
export async function parsePdf(bytes: Uint8Array, filename: string): Promise<ParsedDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // A copy: pdfjs may transfer (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    useSystemFonts: true,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text.trim());
      page.cleanup();
    }
    const text = pages.filter((page) => page !== "").join("\n\n");
    if (text === "" && pdf.numPages > 0) {
      throw unreadable(
        filename,
        "the PDF has no extractable text (it may hold only scanned images; OCR is not supported)",
      );
    }
    return { text, format: "pdf", metadata: { pageCount: pdf.numPages, ...(await readInfo(pdf)) } };
  } catch (error) {
    if (error instanceof UnsupportedDocumentError) throw error;
    throw describeFailure(filename, error);
  } finally {
    await task.destroy();
  }
}

function describeFailure(filename: string, error: unknown): Error {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return unreadable(filename, "the PDF is password-protected");
  return unreadable(filename, "the PDF is damaged", error);
}

interface PdfWithMetadata {
  getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }>;
}

/** Title, author and subject from the Info dictionary, falling back to XMP for the title. */
async function readInfo(pdf: PdfWithMetadata): Promise<Record<string, string>> {
  const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields: Record<string, string> = {};
  const values = info as Record<string, unknown>;
  for (const [key, field] of [
    ["Title", "title"],
    ["Author", "author"],
    ["Subject", "subject"],
  ] as const) {
    const value = values[key];
    if (typeof value === "string" && value.trim() !== "") fields[field] = value.trim();
  }
  const xmpTitle = metadata?.get("dc:title");
  if (fields.title === undefined && typeof xmpTitle === "string" && xmpTitle.trim() !== "") {
    fields.title = xmpTitle.trim();
  }
  return fields;
}
