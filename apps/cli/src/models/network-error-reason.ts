const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed (offline?)",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  ENETUNREACH: "network unreachable",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  TimeoutError: "no answer in time",
};

/** A short human reason for a failed `fetch`, whose own message is only "fetch failed". */
export function networkErrorReason(error: unknown): string {
  // undici hides the system error one or two `cause`s deep.
  let current = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  let innermost = String(error);
  for (let depth = 0; current && depth < 5; depth++, current = current.cause as typeof current) {
    const byCode = current.code ? REASONS[current.code] : undefined;
    if (byCode) return `${byCode}, ${current.code}`;
    const byName = current.name ? REASONS[current.name] : undefined;
    if (byName) return byName;
    if (current.message) innermost = current.message;
  }
  return innermost;
}
