import { TimeoutError } from "@llama-stack-ts/api";
import { type WorkerPool, workerPool } from "@llama-stack-ts/provider-kit";
import type { Finding } from "./finding.ts";
import { notScannedFinding } from "./not-scanned-finding.ts";
import { type ScanResult, scanMessages } from "./scan-messages.ts";
import type { ScanMessagesJob } from "./scan-messages-worker.ts";
import type { ScanOptions } from "./scan-options.ts";

export interface ScanOffThreadOptions {
  /** Inputs of at least this many characters are scanned in a worker thread; smaller ones inline. */
  offThreadChars: number;
  timeoutMs: number;
}

export interface MessageScanner {
  scan(messages: readonly unknown[]): Promise<Finding[]>;
  close(): Promise<void>;
}

function textLength(value: unknown, depth = 0): number {
  if (typeof value === "string") return value.length;
  if (depth > 8 || typeof value !== "object" || value === null) return 0;
  let total = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value))
    total += textLength(item, depth + 1);
  return total;
}

/**
 * Scans messages for the shield: small inputs on the calling thread (a worker round trip costs more
 * than their scan), large ones in a worker pool so the event loop keeps answering other requests,
 * with a time limit whose breach is a refusal (`notScannedFinding`), not a pass.
 */
export function messageScanner(scanOptions: ScanOptions, options: ScanOffThreadOptions): MessageScanner {
  let pool: WorkerPool<ScanMessagesJob, ScanResult> | undefined;
  return {
    async scan(messages) {
      if (textLength(messages) < options.offThreadChars) return scanMessages(messages, scanOptions).findings;
      pool ??= workerPool(new URL("./scan-messages-worker.ts", import.meta.url), { name: "code-scanner" });
      try {
        const result = await pool.run({ messages, options: scanOptions }, { timeoutMs: options.timeoutMs });
        return result.findings;
      } catch (error) {
        if (TimeoutError.isInstance(error) && error.kind === "timeout")
          return [notScannedFinding(options.timeoutMs)];
        throw error;
      }
    },
    async close() {
      await pool?.close();
    },
  };
}
