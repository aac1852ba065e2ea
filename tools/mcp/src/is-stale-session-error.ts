import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/**
 * Failures that mean the request found no live server: refused, or a kept-alive socket the server
 * had closed without answering (undici's "other side closed", what a restart leaves behind).
 */
const UNSENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
/** Failures where the request may have been received: resent only when it has no side effects. */
const BROKEN_CODES = new Set(["ECONNRESET", "EPIPE"]);

/**
 * Whether `error` says the session is gone (server restarted, connection dropped) rather than
 * that the server answered: a 404 for the session id, a refused connection, a closed transport.
 */
export function isStaleSessionError(error: unknown, options: { idempotent: boolean }): boolean {
  if (error instanceof StreamableHTTPError) return error.code === 404;
  if (!(error instanceof Error)) return false;
  // SSEClientTransport reports a failed POST only in its message.
  if (/\(HTTP 404\)/.test(error.message) || error.message === "Not connected") return true;
  const code = causeCode(error);
  if (code === undefined) return false;
  return UNSENT_CODES.has(code) || (options.idempotent && BROKEN_CODES.has(code));
}

function causeCode(error: Error): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
