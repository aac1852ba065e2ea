import { describe, expect, it } from "vitest";
import { splitWindows } from "./split-windows.ts";

describe("splitWindows", () => {
  it("cuts ids into consecutive windows, the last one shorter", () => {
    expect(splitWindows([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitWindows([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(splitWindows([1, 2], 510)).toEqual([[1, 2]]);
  });

  it("gives no window for no tokens and rejects a bad size", () => {
    expect(splitWindows([], 4)).toEqual([]);
    expect(() => splitWindows([1], 0)).toThrow(RangeError);
  });
});
