import { describe, expect, it } from "vitest";
import { formatProgress } from "./format-progress.ts";

const halfway = { totalSize: 800_000_000, downloadedSize: 400_000_000, averageSpeed: 20_000_000 };

describe("formatProgress", () => {
  it("shows percent, sizes, speed and an ETA from the remaining bytes", () => {
    expect(formatProgress(halfway)).toBe(" 50%  400.0 MB / 800.0 MB  20.0 MB/s  ETA 20s");
  });

  it("draws a bar of the requested width", () => {
    expect(formatProgress(halfway, { barWidth: 10 })).toBe(
      "[#####.....]   50%  400.0 MB / 800.0 MB  20.0 MB/s  ETA 20s",
    );
    expect(formatProgress({ ...halfway, downloadedSize: 800_000_000 }, { barWidth: 4 })).toMatch(
      /^\[####\] {2}100%/,
    );
  });

  it("copes with no speed yet and an unknown size", () => {
    expect(formatProgress({ totalSize: 1000, downloadedSize: 0, averageSpeed: 0 })).toBe(
      "  0%  0 B / 1.0 kB  --/s  ETA --",
    );
    expect(formatProgress({ totalSize: 0, downloadedSize: 5_000_000, averageSpeed: 1_000_000 })).toBe(
      "  0%  5.0 MB  1.0 MB/s  ETA --",
    );
  });
});
