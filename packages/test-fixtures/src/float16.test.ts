import { describe, expect, it } from "vitest";
import { float16Bits, toFloat16 } from "./float16.ts";

describe("float16Bits", () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.1, 0x2e66],
    [65504, 0x7bff],
    [65520, 0x7c00], // rounds up to infinity
    [Number.POSITIVE_INFINITY, 0x7c00],
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -25, 0x0000], // halfway to zero: ties to even
    [1 + 2 ** -11, 0x3c00], // halfway between 1 and the next half: ties to even
    [1 + 3 * 2 ** -11, 0x3c02],
  ])("%d → %i", (value, bits) => {
    expect(float16Bits(value)).toBe(bits);
  });

  it("keeps NaN a NaN", () => {
    expect(float16Bits(Number.NaN) & 0x7c00).toBe(0x7c00);
    expect(float16Bits(Number.NaN) & 0x3ff).not.toBe(0);
  });

  it("converts arrays the same way", () => {
    const values = new Float32Array([1, -2, 0.1, 2 ** -24, 0.02]);
    expect([...toFloat16(values)]).toEqual([...values].map(float16Bits));
  });
});
