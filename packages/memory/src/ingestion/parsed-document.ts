/** The formats {@link parseDocument} can read. */
export type DocumentFormat = "text" | "markdown" | "html" | "pdf" | "docx" | "csv" | "json";

export const SUPPORTED_EXTENSIONS = "txt, md, html, pdf, docx, csv, json";

export interface ParseDocumentInput {
  bytes: Uint8Array;
  filename: string;
  /** The uploader's MIME type; `application/octet-stream` or absent means "look at the bytes". */
  contentType?: string;
}

export interface ParsedDocument {
  text: string;
  format: DocumentFormat;
  /** Format-specific facts, e.g. `pageCount` and `title` for a PDF, `rowCount` for a CSV. */
  metadata: Record<string, unknown>;
}
