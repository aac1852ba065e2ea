import { describe, expect, it } from "vitest";
import { createProgressReporter } from "./progress-reporter.ts";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

const at = (downloadedSize: number) => ({ totalSize: 1000, downloadedSize, averageSpeed: 100 });

describe("createProgressReporter", () => {
  it("logs plain lines every 10% or 5 s when not a terminal", () => {
    const { writes, stream } = fakeStream(false);
    let time = 0;
    const reporter = createProgressReporter({ stream, now: () => time });
    reporter.update(at(10)); // first figures
    reporter.update(at(50)); // same 10% step, too soon
    reporter.update(at(120)); // next step
    time = 6000;
    reporter.update(at(130)); // 5 s passed
    reporter.update(at(1000));
    reporter.finish(true); // already shown
    expect(writes.map((line) => line.trim().split(" ")[0])).toEqual(["1%", "12%", "13%", "100%"]);
    expect(writes.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true);
  });

  it("redraws one bar in place on a terminal, at most 10 times a second", () => {
    const { writes, stream } = fakeStream(true);
    let time = 0;
    const reporter = createProgressReporter({ stream, now: () => time });
    reporter.update(at(100));
    time = 50;
    reporter.update(at(200)); // throttled
    time = 150;
    reporter.update(at(300));
    reporter.finish(true);
    expect(writes).toHaveLength(4);
    expect(writes[0]).toMatch(/^\r\[#+\.+\]\s+10%/);
    expect(writes[0]?.endsWith("\x1b[K")).toBe(true); // clears what a longer previous line left
    expect(writes[1]).toContain(" 30%");
    expect(writes[3]).toBe("\n");
  });

  it("keeps the last speed once the transfer reports none", () => {
    const { writes, stream } = fakeStream(false);
    const reporter = createProgressReporter({ stream });
    reporter.update(at(900));
    reporter.update({ totalSize: 1000, downloadedSize: 1000, averageSpeed: 0 });
    expect(writes.at(-1)).toBe("100%  1.0 kB / 1.0 kB  100 B/s  ETA 0s\n");
  });

  it("only ends the line after a failure", () => {
    const tty = fakeStream(true);
    const ttyReporter = createProgressReporter({ stream: tty.stream });
    ttyReporter.update(at(100));
    ttyReporter.finish(false);
    expect(tty.writes.slice(1)).toEqual(["\n"]);

    const plain = fakeStream(false);
    const plainReporter = createProgressReporter({ stream: plain.stream });
    plainReporter.update(at(100));
    plainReporter.update(at(150));
    plainReporter.finish(false);
    expect(plain.writes).toHaveLength(1);
  });
});
