import { statSync } from "node:fs";
import { readGgufFileInfo } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { benchModelPath } from "./bench-model-path.ts";

describe("writeBenchModel", () => {
  it("writes an ~180 MB 8-layer model with tied output", async () => {
    const path = await benchModelPath();
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.architectureMetadata).toMatchObject({ block_count: 8, embedding_length: 512 });
    expect(info.tensorInfo?.some((tensor) => tensor.name === "output.weight")).toBe(false);
    expect(statSync(path).size).toBeGreaterThan(150e6);
    expect(statSync(path).size).toBeLessThan(200e6);
  });
});
