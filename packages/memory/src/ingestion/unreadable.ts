import { UnsupportedDocumentError } from "./unsupported-document-error.ts";

/** `Cannot read 'x.pdf': the PDF is damaged (Invalid PDF structure.)` */
export function unreadable(filename: string, problem: string, cause?: unknown): UnsupportedDocumentError {
  const detail = cause === undefined ? "" : ` (${describeCause(cause)})`;
  return new UnsupportedDocumentError(`Cannot read '${filename}': ${problem}${detail}`, {
    cause,
    code: "unreadable_document",
  });
}

function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  // Library messages can be long or multi-line; last_error should stay one readable line.
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
