import {
  type StackError,
  StackError as StackErrorClass,
  TimeoutError,
  UpstreamError,
} from "@llama-stack-ts/api";
import { upstreamError } from "./upstream-error.ts";

export interface HttpClientOptions {
  baseUrl: string;
  apiKey?: string | null | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  engine: string;
}

const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * fetch with the engine's base URL, bearer key, per-attempt timeout and retries with backoff
 * (honouring Retry-After). Returns the response once its status is 2xx; errors are ours.
 */
export async function request(
  options: HttpClientOptions,
  path: string,
  init: {
    method: "GET" | "POST";
    body?: unknown;
    signal?: AbortSignal | undefined;
    apiKey?: string | undefined;
    model?: string;
  },
): Promise<Response> {
  const url = `${options.baseUrl.replace(/\/$/, "")}${path}`;
  const key = init.apiKey ?? options.apiKey;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: {
          accept: "application/json, text/event-stream",
          ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...options.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal,
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      const error: StackError = timeout.aborted
        ? new TimeoutError(
            `${options.engine} did not answer within ${options.timeoutMs / 1000} s (${url}).`,
            { cause },
          )
        : new UpstreamError(`Cannot reach ${options.engine} at ${url}: ${(cause as Error).message}`, {
            cause,
            retryable: true,
          });
      if (attempt >= options.maxRetries) throw error;
      await backoff(attempt, undefined, init.signal);
      continue;
    }
    if (response.ok) return response;
    const body = await response.text().catch(() => "");
    if (RETRYABLE.has(response.status) && attempt < options.maxRetries) {
      await backoff(attempt, response.headers.get("retry-after"), init.signal);
      continue;
    }
    throw upstreamError(response.status, body, options.engine, init.model);
  }
}

async function backoff(
  attempt: number,
  retryAfter: string | null | undefined,
  signal?: AbortSignal,
): Promise<void> {
  const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
  const ms = Number.isFinite(seconds)
    ? Math.min(seconds * 1000, 30_000)
    : Math.min(250 * 2 ** attempt, 8_000) * (0.75 + Math.random() / 4);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export function isStackError(error: unknown): error is StackError {
  return StackErrorClass.isInstance(error);
}
