/** How far a file batch has got, from `GET …/file_batches/{id}` `file_counts`. */
export interface BatchProgress {
  completed: number;
  failed: number;
  cancelled: number;
  inProgress: number;
  total: number;
  elapsedMs: number;
}

/** `[#####-----]  3/10 files  (1 failed)  2.4 s`; the bar only when a width is given. */
export function formatBatchProgress(progress: BatchProgress, barWidth?: number): string {
  const done = progress.completed + progress.failed + progress.cancelled;
  const fraction = progress.total > 0 ? done / progress.total : 1;
  const bar =
    barWidth === undefined ? "" : `[${"#".repeat(Math.round(fraction * barWidth)).padEnd(barWidth, "-")}] `;
  const failed = progress.failed > 0 ? `  (${progress.failed} failed)` : "";
  const seconds = (progress.elapsedMs / 1000).toFixed(1);
  return `${bar}${done}/${progress.total} files ingested${failed}  ${seconds} s`;
}
