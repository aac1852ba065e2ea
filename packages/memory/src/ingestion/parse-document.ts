import { decodeText } from "./decode-text.ts";
import { detectDocumentFormat } from "./detect-document-format.ts";
import { htmlToText } from "./html-to-text.ts";
import { parseCsv } from "./parse-csv.ts";
import { parseDocx } from "./parse-docx.ts";
import { parseJson } from "./parse-json.ts";
import { parsePdf } from "./parse-pdf.ts";
import type { ParseDocumentInput, ParsedDocument } from "./parsed-document.ts";

/**
 * Turns an uploaded file into plain text for chunking. Throws `UnsupportedDocumentError` with a
 * message fit for a vector-store file's `last_error` when the type is unsupported or the file is
 * damaged.
 *
 * @example
 * const { text, format } = await parseDocument({ bytes, filename: "report.pdf" });
 */
export async function parseDocument(input: ParseDocumentInput): Promise<ParsedDocument> {
  const { format, charset } = detectDocumentFormat(input);
  const { bytes, filename } = input;
  switch (format) {
    case "pdf":
      return parsePdf(bytes, filename);
    case "docx":
      return parseDocx(bytes, filename);
    case "html": {
      const { text, title } = htmlToText(decodeText(bytes, filename, charset));
      return { text, format, metadata: title === undefined ? {} : { title } };
    }
    case "csv":
      return parseCsv(decodeText(bytes, filename, charset), filename);
    case "json":
      return parseJson(decodeText(bytes, filename, charset), filename);
    case "markdown": {
      const text = normalizeNewlines(decodeText(bytes, filename, charset));
      const title = /^#\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
      return { text, format, metadata: title === undefined ? {} : { title } };
    }
    case "text":
      return { text: normalizeNewlines(decodeText(bytes, filename, charset)), format, metadata: {} };
  }
}

/** CRLF and lone CR become LF, so paragraph detection in the chunker sees one convention. */
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
