import type { DownloadProgress } from "./download-progress.ts";
import { formatProgress } from "./format-progress.ts";

/** The slice of a stream the reporter needs; `process.stderr` fits. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporterOptions {
  stream: ProgressStream;
  now?: () => number;
  /** Plain mode logs a line whenever this many percent or `logIntervalMs` have passed. */
  logEveryPercent?: number;
  logIntervalMs?: number;
}

export interface ProgressReporter {
  update(progress: DownloadProgress): void;
  /**
   * Ends the bar's line so later output starts clean; on success also shows the final figures
   * (plain mode), which the throttling may have skipped.
   */
  finish(succeeded: boolean): void;
}

const REDRAW_INTERVAL_MS = 100;

/** A redrawn bar on a terminal; periodic plain lines for logs and CI, where `\r` makes a mess. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { stream, now = Date.now, logEveryPercent = 10, logIntervalMs = 5000 } = options;
  const tty = stream.isTTY === true;
  let last: DownloadProgress | undefined;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let lastLoggedPercent = Number.NEGATIVE_INFINITY;
  let lastLogged: DownloadProgress | undefined;

  const draw = (progress: DownloadProgress) => {
    const columns = stream.columns ?? 80;
    const text = formatProgress(progress);
    const barWidth = Math.max(10, Math.min(40, columns - text.length - 5));
    stream.write(`\r${formatProgress(progress, { barWidth })}\x1b[K`);
  };
  const log = (progress: DownloadProgress) => {
    stream.write(`${formatProgress(progress)}\n`);
    lastLogged = progress;
  };
  const percentOf = (progress: DownloadProgress) =>
    progress.totalSize > 0 ? (progress.downloadedSize / progress.totalSize) * 100 : 0;

  let lastSpeed = 0;

  return {
    update(reported) {
      // The downloader reports no speed once its transfers end; the final line keeps the last one.
      if (reported.averageSpeed > 0) lastSpeed = reported.averageSpeed;
      const progress = { ...reported, averageSpeed: lastSpeed };
      last = progress;
      const time = now();
      if (tty) {
        if (time - lastWriteAt < REDRAW_INTERVAL_MS) return;
        draw(progress);
        lastWriteAt = time;
        return;
      }
      const percent = percentOf(progress);
      const step = Math.floor(percent / logEveryPercent);
      if (step > Math.floor(lastLoggedPercent / logEveryPercent) || time - lastWriteAt >= logIntervalMs) {
        log(progress);
        lastWriteAt = time;
        lastLoggedPercent = percent;
      }
    },
    finish(succeeded) {
      if (!last) return;
      if (tty) {
        if (succeeded) draw(last);
        stream.write("\n");
      } else if (succeeded && lastLogged?.downloadedSize !== last.downloadedSize) {
        log(last);
      }
    },
  };
}
