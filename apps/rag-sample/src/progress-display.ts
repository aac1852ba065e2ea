import { type BatchProgress, formatBatchProgress } from "./batch-progress.ts";

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A redrawn bar on a terminal; a line per change elsewhere (logs and CI choke on `\r`). */
export function createProgressDisplay(stream: ProgressStream) {
  let lastLine = "";
  return {
    update(progress: BatchProgress) {
      if (stream.isTTY) {
        stream.write(`\r${formatBatchProgress(progress, 30)}\x1b[K`);
        return;
      }
      const line = formatBatchProgress(progress);
      // Only the count matters for a log; the clock alone changing is not news.
      const key = line.replace(/\s+[\d.]+ s$/, "");
      if (key !== lastLine) stream.write(`${line}\n`);
      lastLine = key;
    },
    finish() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
