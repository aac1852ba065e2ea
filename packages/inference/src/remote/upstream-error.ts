import {
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  type StackError,
  UpstreamError,
} from "@llama-stack-ts/api";

/** An engine's error response as one of ours: its 4xx stay the caller's fault, the rest are 502. */
export function upstreamError(status: number, body: string, engine: string, model?: string): StackError {
  const message = extractMessage(body) ?? `HTTP ${status}`;
  if (status === 400 || status === 422) return new InvalidRequestError(`${engine}: ${message}`);
  if (status === 404 && model)
    return new NotFoundError("Model", model, `${engine} does not serve it (${message}).`);
  if (status === 429)
    return new RateLimitError(`${engine} is rate limiting: ${message}`, { retryAfterSeconds: 1 });
  if (status === 401 || status === 403) {
    return new UpstreamError(
      `${engine} refused our credentials (${status}): ${message}. Check api_key in the run config.`,
    );
  }
  return new UpstreamError(`${engine} failed with HTTP ${status}: ${message}`, { retryable: status >= 500 });
}

function extractMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as {
      error?: { message?: string } | string;
      message?: string;
      detail?: string;
    };
    if (typeof parsed.error === "string") return parsed.error;
    return parsed.error?.message ?? parsed.message ?? parsed.detail;
  } catch {
    return body.trim().slice(0, 500) || undefined;
  }
}
