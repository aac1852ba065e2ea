/**
 * `attachment` with the filename for every client: a quoted ASCII fallback and the exact name
 * as RFC 5987 `filename*` (UTF-8, percent-encoded), per RFC 6266.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
