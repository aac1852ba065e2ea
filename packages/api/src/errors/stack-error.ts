const marker = Symbol.for("llama-stack-ts.stack-error");

/**
 * What went wrong, independent of transport. The server maps each kind to an HTTP status in
 * exactly one place (`packages/server/src/errors/error-response.ts`).
 */
export type ErrorKind =
  | "invalid_request"
  | "authentication"
  | "permission_denied"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "headers_too_large"
  | "request_timeout"
  | "unsupported_media_type"
  | "unprocessable"
  | "rate_limit"
  | "upgrade_required"
  | "not_implemented"
  | "upstream"
  | "service_unavailable"
  | "timeout"
  | "internal";

export interface StackErrorOptions {
  cause?: unknown;
  /** The request field at fault, e.g. `model` or `body.messages[0].role`. */
  param?: string;
  /** A machine-readable code more specific than the kind, e.g. `model_not_found`. */
  code?: string;
  /** Seconds a client should wait before retrying (429/503). */
  retryAfterSeconds?: number;
  /** Whether retrying the same request can succeed; sent to clients as `x-should-retry`. */
  retryable?: boolean;
}

/** Base of the one error family every layer throws. */
export class StackError extends Error {
  readonly [marker] = true;
  readonly kind: ErrorKind;
  readonly param: string | undefined;
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly retryable: boolean | undefined;

  constructor(kind: ErrorKind, message: string, options: StackErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.param = options.param;
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.retryable = options.retryable;
  }

  /** Works across duplicate copies of this package, unlike `instanceof`. */
  static isInstance(error: unknown): error is StackError {
    return typeof error === "object" && error !== null && marker in error;
  }
}
