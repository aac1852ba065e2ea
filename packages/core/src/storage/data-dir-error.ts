import { PermissionDeniedError, StackError } from "@llama-stack-ts/api";
import { ConfigError } from "../config/load-run-config.ts";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "part of the path is a file, not a directory",
  ENOSPC: "no space left on the device",
  EISDIR: "a directory is where a file should be",
};

/** A file-system failure on the data directory as one actionable sentence; our own errors pass through. */
export function dataDirError(dir: string, cause: unknown): StackError {
  if (StackError.isInstance(cause)) return cause;
  const code = (cause as NodeJS.ErrnoException).code ?? "";
  const reason = REASONS[code] ?? (cause as Error).message;
  const message = `Cannot use data directory ${dir}: ${reason}${code && REASONS[code] ? ` (${code})` : ""}. Pass another --data-dir, or fix the directory.`;
  return code === "EACCES" || code === "EPERM" || code === "EROFS"
    ? new PermissionDeniedError(message, { cause })
    : new ConfigError(message, { cause });
}
