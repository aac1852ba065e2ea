import { networkErrorReason } from "./network-error-reason.ts";

/**
 * Fails fast with a reason when `url`'s server cannot be reached at all. The downloader retries a
 * refused connection ~150 times (about ten minutes) before giving up, which looks like a hang.
 * Any HTTP answer, even an error status, counts as reachable: the download reports those itself.
 */
export async function probeServer(url: string, signal?: AbortSignal, timeoutMs = 15_000): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: "HEAD",
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    await response.body?.cancel();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const server = URL.canParse(url) ? new URL(url).origin : url;
    throw new Error(`cannot reach ${server} (${networkErrorReason(error)})`, { cause: error });
  }
}
