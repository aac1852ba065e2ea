/** The gist of a downloader failure: ipull's status errors carry the code, not a readable message. */
export function downloadErrorReason(error: unknown): string {
  const { statusCode, statusText, message } = (error ?? {}) as {
    statusCode?: number;
    statusText?: string;
    message?: string;
  };
  if (typeof statusCode === "number") return `HTTP ${statusCode}${statusText ? ` ${statusText}` : ""}`;
  return message || String(error);
}
