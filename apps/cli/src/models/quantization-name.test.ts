import { GgufFileType } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { quantizationName } from "./quantization-name.ts";

describe("quantizationName", () => {
  it("names file types the way quant tags are written", () => {
    expect(quantizationName(GgufFileType.MOSTLY_Q4_K_M)).toBe("Q4_K_M");
    expect(quantizationName(GgufFileType.ALL_F32)).toBe("F32");
    expect(quantizationName(GgufFileType.MOSTLY_F16)).toBe("F16");
    expect(quantizationName(9999)).toBe("type 9999");
    expect(quantizationName(undefined)).toBeUndefined();
  });
});
