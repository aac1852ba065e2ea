import type { Finding } from "./finding.ts";

export const NOT_SCANNED_RULE_ID = "code-scanner.not-scanned";

/**
 * The verdict when a scan runs past its time limit. Fail closed: code we could not finish checking
 * is refused (an `error`), never passed as clean; the limit is `scan_timeout_ms`.
 */
export function notScannedFinding(timeoutMs: number): Finding {
  return {
    ruleId: NOT_SCANNED_RULE_ID,
    severity: "error",
    message: `The code could not be scanned within ${timeoutMs} ms, so it is refused rather than passed unchecked; send less code at once.`,
    language: "unknown",
    line: 1,
    excerpt: "",
  };
}
