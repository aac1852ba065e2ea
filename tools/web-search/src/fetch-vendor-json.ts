import { UpstreamError } from "@llama-stack-ts/api";

/**
 * Calls a vendor and returns its JSON body; a non-2xx answer becomes an `UpstreamError` carrying
 * the vendor's status and its own message, which the tool runtime hands to the model as a tool error.
 */
export async function fetchVendorJson(
  vendorName: string,
  url: string,
  init: RequestInit,
  readErrorMessage: (body: unknown) => string | undefined,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    const reason = error instanceof Error ? (error.cause ?? error).toString() : String(error);
    throw new UpstreamError(`${vendorName} could not be reached: ${reason}`, { cause: error });
  }
  const text = await response.text();
  const body = parseJson(text);
  if (!response.ok) {
    const message = readErrorMessage(body) ?? (text.slice(0, 500) || response.statusText);
    throw new UpstreamError(`${vendorName} answered ${response.status}: ${message}`, {
      retryable: response.status === 429 || response.status >= 500,
    });
  }
  if (body === undefined) throw new UpstreamError(`${vendorName} answered with a body that is not JSON.`);
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
