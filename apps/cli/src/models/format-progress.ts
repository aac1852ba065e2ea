import type { DownloadProgress } from "./download-progress.ts";
import { humanDuration } from "./human-duration.ts";
import { humanSize } from "./human-size.ts";

export interface FormatProgressOptions {
  /** Characters of bar to draw; 0 for a plain log line. */
  barWidth?: number;
}

/** One progress line: `[####......]  42%  12.0 MB / 28.6 MB  3.1 MB/s  ETA 5s`. */
export function formatProgress(progress: DownloadProgress, options: FormatProgressOptions = {}): string {
  const { totalSize, downloadedSize, averageSpeed } = progress;
  const fraction = totalSize > 0 ? Math.min(1, downloadedSize / totalSize) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const sizes =
    totalSize > 0 ? `${humanSize(downloadedSize)} / ${humanSize(totalSize)}` : humanSize(downloadedSize);
  const speed = averageSpeed > 0 ? `${humanSize(averageSpeed)}/s` : "--/s";
  // Derived from the figures on the same line so the ETA never contradicts them.
  const eta =
    averageSpeed > 0 && totalSize > 0 ? ((totalSize - downloadedSize) / averageSpeed) * 1000 : Number.NaN;
  const parts = [percent, sizes, speed, `ETA ${humanDuration(eta)}`];
  const width = options.barWidth ?? 0;
  if (width > 0) {
    const filled = Math.round(fraction * width);
    parts.unshift(`[${"#".repeat(filled)}${".".repeat(width - filled)}]`);
  }
  return parts.join("  ");
}
