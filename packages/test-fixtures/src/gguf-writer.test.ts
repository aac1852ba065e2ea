import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GgmlType, readGgufFileInfo } from "node-llama-cpp";
import { afterAll, describe, expect, it } from "vitest";
import { float16Bits } from "./float16.ts";
import { writeGguf } from "./gguf-writer.ts";

const directory = mkdtempSync(join(tmpdir(), "gguf-writer-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("writeGguf", () => {
  it("writes metadata and tensors that node-llama-cpp's GGUF reader parses back", async () => {
    const path = join(directory, "typed.gguf");
    const matrix = new Float32Array([1, 2, 3, 4, 5, 6]);
    const halves = new Float32Array([0.5, -1.25, 0.1]);
    await writeGguf(path, {
      metadata: {
        "general.architecture": { type: "string", value: "llama" },
        "test.u8": { type: "u8", value: 255 },
        "test.i8": { type: "i8", value: -128 },
        "test.u16": { type: "u16", value: 65535 },
        "test.i16": { type: "i16", value: -32768 },
        "test.u32": { type: "u32", value: 4_000_000_000 },
        "test.i32": { type: "i32", value: -2_000_000_000 },
        "test.f32": { type: "f32", value: 0.25 },
        "test.f64": { type: "f64", value: 1 / 3 },
        "test.u64": { type: "u64", value: 2n ** 40n },
        "test.i64": { type: "i64", value: -5 },
        "test.bool": { type: "bool", value: true },
        "test.string": { type: "string", value: "héllo ✓" },
        "test.strings": { type: "array", itemType: "string", value: ["a", "Ġb", ""] },
        "test.i32s": { type: "array", itemType: "i32", value: new Int32Array([1, -3]) },
        "test.f32s": { type: "array", itemType: "f32", value: [0.5, -1] },
      },
      tensors: [
        { name: "matrix", dims: [3, 2], type: "F32", data: matrix },
        { name: "halves", dims: [3], type: "F16", data: () => halves },
      ],
    });

    const info = await readGgufFileInfo(path, { logWarnings: false });
    const { test } = info.metadata as unknown as { test: Record<string, unknown> };
    expect(info.version).toBe(3);
    expect(test).toEqual({
      u8: 255,
      i8: -128,
      u16: 65535,
      i16: -32768,
      u32: 4_000_000_000,
      i32: -2_000_000_000,
      f32: 0.25,
      f64: 1 / 3,
      u64: expect.toSatisfy((value) => BigInt(value as number | bigint) === 2n ** 40n),
      i64: expect.toSatisfy((value) => BigInt(value as number | bigint) === -5n),
      bool: true,
      string: "héllo ✓",
      strings: ["a", "Ġb", ""],
      i32s: [1, -3],
      f32s: [0.5, -1],
    });

    const [matrixInfo, halvesInfo] = info.tensorInfo ?? [];
    expect(matrixInfo).toMatchObject({ name: "matrix", dimensions: [3, 2], ggmlType: GgmlType.F32 });
    expect(halvesInfo).toMatchObject({ name: "halves", dimensions: [3], ggmlType: GgmlType.F16 });
    expect(Number(halvesInfo!.offset)).toBe(32); // 24 bytes of F32 data, padded to the alignment

    const file = readFileSync(path);
    expect(info.infoEndOffset! % 32).toBe(0);
    const matrixStart = Number(matrixInfo!.fileOffset);
    const halvesStart = Number(halvesInfo!.fileOffset);
    expect(
      new Float32Array(file.buffer.slice(file.byteOffset + matrixStart, file.byteOffset + matrixStart + 24)),
    ).toEqual(matrix);
    expect([0, 1, 2].map((index) => file.readUInt16LE(halvesStart + 2 * index))).toEqual(
      [...halves].map(float16Bits),
    );
    expect(file.length).toBe(halvesStart + 32); // the last tensor is padded too
  });

  it("rejects data that does not match the dims", async () => {
    await expect(
      writeGguf(join(directory, "bad.gguf"), {
        metadata: {},
        tensors: [{ name: "short", dims: [4], type: "F32", data: new Float32Array(3) }],
      }),
    ).rejects.toThrow("3 values for dims [4]");
  });

  it("rejects tensor names longer than 64 bytes", async () => {
    await expect(
      writeGguf(join(directory, "long.gguf"), {
        metadata: {},
        tensors: [{ name: "x".repeat(65), dims: [1], type: "F32", data: new Float32Array(1) }],
      }),
    ).rejects.toThrow("longer than 64 bytes");
  });
});
