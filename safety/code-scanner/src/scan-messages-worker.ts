import { type ScanResult, scanMessages } from "./scan-messages.ts";
import type { ScanOptions } from "./scan-options.ts";

export interface ScanMessagesJob {
  messages: readonly unknown[];
  options: ScanOptions;
}

/** The code scanner's worker-thread entry (see `workerPool`). */
export default function scanMessagesJob(job: ScanMessagesJob): ScanResult {
  return scanMessages(job.messages, job.options);
}
