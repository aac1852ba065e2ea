import { describe, expect, it } from "vitest";
import { formatBatchProgress } from "./batch-progress.ts";
import { createProgressDisplay } from "./progress-display.ts";

const at = (completed: number, failed = 0) => ({
  completed,
  failed,
  cancelled: 0,
  inProgress: 4 - completed - failed,
  total: 4,
  elapsedMs: 1500,
});

describe("batch progress", () => {
  it("formats counts, failures and a bar", () => {
    expect(formatBatchProgress(at(1))).toBe("1/4 files ingested  1.5 s");
    expect(formatBatchProgress(at(2, 1), 8)).toBe("[######--] 3/4 files ingested  (1 failed)  1.5 s");
  });

  it("redraws one line on a terminal and writes a line per change elsewhere", () => {
    const tty: string[] = [];
    const terminal = createProgressDisplay({ write: (t: string) => tty.push(t), isTTY: true });
    terminal.update(at(1));
    terminal.finish();
    expect(tty[0]).toMatch(/^\r\[/);
    expect(tty.at(-1)).toBe("\n");

    const lines: string[] = [];
    const log = createProgressDisplay({ write: (t: string) => lines.push(t) });
    log.update(at(1));
    log.update({ ...at(1), elapsedMs: 9000 });
    log.update(at(2));
    expect(lines).toEqual(["1/4 files ingested  1.5 s\n", "2/4 files ingested  1.5 s\n"]);
  });
});
