import { describe, expect, it } from "vitest";
import { humanSize } from "./human-size.ts";

describe("humanSize", () => {
  it("uses decimal units with one decimal", () => {
    expect(humanSize(0)).toBe("0 B");
    expect(humanSize(999)).toBe("999 B");
    expect(humanSize(1000)).toBe("1.0 kB");
    expect(humanSize(40_806_112)).toBe("40.8 MB");
    expect(humanSize(807_694_464)).toBe("807.7 MB");
    expect(humanSize(4_920_000_000)).toBe("4.9 GB");
  });
});
