import { extname } from "node:path";

const BY_EXTENSION: Record<string, string> = {
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".csv": "text/csv",
  ".tsv": "text/tab-separated-values",
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css",
  ".xml": "application/xml",
  ".json": "application/json",
  ".jsonl": "application/jsonl",
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".rtf": "application/rtf",
  ".tex": "text/x-tex",
  ".py": "text/x-python",
  ".js": "text/javascript",
  ".ts": "text/x-typescript",
  ".java": "text/x-java",
  ".c": "text/x-c",
  ".cpp": "text/x-c++",
  ".go": "text/x-go",
  ".rs": "text/x-rust",
  ".sh": "application/x-sh",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".mp4": "video/mp4",
  ".zip": "application/zip",
  ".gz": "application/gzip",
};

// What clients send when they do not know (and what multipart parsers assume when nothing is sent).
const GENERIC = new Set(["", "application/octet-stream", "text/plain"]);

/**
 * The Content-Type to store and serve for an upload: the declared type unless it is generic, in
 * which case a known extension wins (`notes.md` sent as octet-stream is `text/markdown`).
 */
export function fileContentType(filename: string, declared?: string): string {
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  const specific = /^[\w.+-]+\/[\w.+-]+$/.test(type) && !GENERIC.has(type);
  if (specific) return type;
  return (
    BY_EXTENSION[extname(filename).toLowerCase()] ??
    (GENERIC.has(type) && type ? type : "application/octet-stream")
  );
}
