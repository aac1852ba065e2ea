import { looksBinary } from "./decode-text.ts";
import { type DocumentFormat, type ParseDocumentInput, SUPPORTED_EXTENSIONS } from "./parsed-document.ts";
import { UnsupportedDocumentError } from "./unsupported-document-error.ts";

export interface DetectedFormat {
  format: DocumentFormat;
  /** The `charset` parameter of the content type, when one was given. */
  charset?: string;
}

const BY_CONTENT_TYPE: Record<string, DocumentFormat> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/csv": "csv",
  "application/csv": "csv",
  "text/tab-separated-values": "csv",
  "application/json": "json",
  "text/json": "json",
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: "text",
  text: "text",
  log: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
  docx: "docx",
  csv: "csv",
  tsv: "csv",
  json: "json",
};

/** Types that say nothing about the content, so the extension and the bytes decide. */
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

/**
 * Content type first, then extension, then the bytes. Magic numbers still win over a text-ish
 * claim, because clients often label a PDF `text/plain` or upload `report.txt` that is a DOCX.
 */
export function detectDocumentFormat(input: ParseDocumentInput): DetectedFormat {
  const [mediaType = "", ...parameters] = (input.contentType ?? "").split(";").map((part) => part.trim());
  const type = mediaType.toLowerCase();
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  const extension = /\.([^./\\]+)$/.exec(input.filename)?.[1]?.toLowerCase();

  const declared =
    formatForContentType(type) ?? (extension === undefined ? undefined : BY_EXTENSION[extension]);
  const magic = sniffMagic(input.bytes);
  const format = magic !== undefined && declared !== "pdf" && declared !== "docx" ? magic : declared;
  if (format !== undefined) return charset === undefined ? { format } : { format, charset };
  // An SVG or a subtitle track is text too, but indexing it would only add noise.
  const mediaOnly = /^(image|audio|video)\//.test(type);
  if (!mediaOnly && looksLikeText(input.bytes)) return { format: "text" };

  const label = !GENERIC_TYPES.has(type) ? type : extension === undefined ? "unknown" : `.${extension}`;
  throw new UnsupportedDocumentError(
    `Unsupported file type '${label}' ('${input.filename}'); supported: ${SUPPORTED_EXTENSIONS}`,
    { code: "unsupported_file_type" },
  );
}

function formatForContentType(type: string): DocumentFormat | undefined {
  const known = BY_CONTENT_TYPE[type];
  if (known !== undefined) return known;
  if (type.endsWith("+json")) return "json";
  // Source code, XML and friends arrive as text/x-python and the like: still worth indexing.
  if (type.startsWith("text/")) return "text";
  return undefined;
}

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");
const DOCX_PART = Buffer.from("word/document.xml", "latin1");

function sniffMagic(bytes: Uint8Array): DocumentFormat | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Only at offset 0: a Markdown file may well mention "%PDF-" in its first kilobyte.
  if (buffer.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return "pdf";
  if (buffer.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC) && buffer.includes(DOCX_PART)) return "docx";
  return undefined;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom) return true;
  try {
    // `stream` tolerates a multi-byte character cut off by the sample's end.
    const sample = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 8192), {
      stream: true,
    });
    return !looksBinary(sample);
  } catch {
    return false;
  }
}
