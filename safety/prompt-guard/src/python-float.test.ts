import { describe, expect, it } from "vitest";
import { pythonFloat } from "./python-float.ts";

describe("pythonFloat", () => {
  it("writes numbers as Python's repr(float) does", () => {
    expect(pythonFloat(1)).toBe("1.0");
    expect(pythonFloat(0)).toBe("0.0");
    expect(pythonFloat(0.5)).toBe("0.5");
    expect(pythonFloat(0.9999092083843409)).toBe("0.9999092083843409");
    expect(pythonFloat(0.0001)).toBe("0.0001");
    expect(pythonFloat(0.00001)).toBe("1e-05");
    expect(pythonFloat(4.539580782951091e-5)).toBe("4.539580782951091e-05");
    expect(pythonFloat(1.5e-7)).toBe("1.5e-07");
    expect(pythonFloat(1e16)).toBe("1e+16");
    expect(pythonFloat(123.25)).toBe("123.25");
  });
});
