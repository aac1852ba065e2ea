import { type ErrorEnvelope, type ErrorKind, StackError } from "@llama-stack-ts/api";
import { formatIssuePath, formatZodError } from "@llama-stack-ts/provider-kit";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";

/** The one place an error becomes an HTTP status and a client-visible body. */
const BY_KIND: Record<ErrorKind, { status: number; type: string }> = {
  invalid_request: { status: 400, type: "invalid_request_error" },
  authentication: { status: 401, type: "authentication_error" },
  permission_denied: { status: 403, type: "permission_error" },
  not_found: { status: 404, type: "not_found_error" },
  method_not_allowed: { status: 405, type: "invalid_request_error" },
  conflict: { status: 409, type: "conflict_error" },
  request_timeout: { status: 408, type: "invalid_request_error" },
  payload_too_large: { status: 413, type: "invalid_request_error" },
  headers_too_large: { status: 431, type: "invalid_request_error" },
  unsupported_media_type: { status: 415, type: "invalid_request_error" },
  unprocessable: { status: 422, type: "invalid_request_error" },
  upgrade_required: { status: 426, type: "invalid_request_error" },
  rate_limit: { status: 429, type: "rate_limit_error" },
  internal: { status: 500, type: "server_error" },
  not_implemented: { status: 501, type: "not_implemented_error" },
  upstream: { status: 502, type: "upstream_error" },
  service_unavailable: { status: 503, type: "service_unavailable_error" },
  timeout: { status: 504, type: "timeout_error" },
};

export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

export function toErrorResponse(
  error: unknown,
  options: { vectorStoresQuirk?: boolean } = {},
): ErrorResponse {
  if (StackError.isInstance(error)) {
    const { type } = BY_KIND[error.kind];
    let { status } = BY_KIND[error.kind];
    // Upstream answers 400, not 404, for missing resources under /v1/vector_stores; clients test for it.
    if (status === 404 && options.vectorStoresQuirk) status = 400;
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined)
      headers["retry-after"] = String(Math.ceil(error.retryAfterSeconds));
    // The clients retry 408/409/429/5xx unless told otherwise; a permanent conflict must not be retried.
    if (error.retryable !== undefined) headers["x-should-retry"] = String(error.retryable);
    const allowed = (error as { allowed?: unknown }).allowed;
    if (error.kind === "method_not_allowed" && Array.isArray(allowed)) headers.allow = allowed.join(", ");
    return {
      status,
      body: envelope(error.message, type, error.code ?? String(status), error.param),
      headers,
      unexpected: status >= 500 && error.kind === "internal",
    };
  }
  if (error instanceof z.ZodError) {
    const first = error.issues[0];
    return {
      status: 400,
      body: envelope(
        `Invalid request: ${formatZodError(error)}`,
        "invalid_request_error",
        "400",
        first ? formatIssuePath(first.path) : undefined,
      ),
      headers: { "x-should-retry": "false" },
      unexpected: false,
    };
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    return {
      status,
      body: envelope(
        error.message || "Request failed.",
        status >= 500 ? "server_error" : "invalid_request_error",
        String(status),
      ),
      headers: {},
      unexpected: status >= 500,
    };
  }
  return {
    status: 500,
    body: envelope("Internal server error: An unexpected error occurred.", "server_error", "500"),
    headers: {},
    unexpected: true,
  };
}

function envelope(message: string, type: string, code: string, param?: string): ErrorEnvelope {
  return { error: { message, type, code, ...(param ? { param } : {}) } };
}
