import { InferenceSession, Tensor } from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { encodeOnnxModel } from "./encode-onnx-model.ts";
import type { OnnxModel } from "./onnx-model.ts";
import { ProtobufWriter } from "./protobuf-writer.ts";

const bytes = (write: (writer: ProtobufWriter) => void): number[] => {
  const writer = new ProtobufWriter();
  write(writer);
  return [...writer.finish()];
};

describe("ProtobufWriter", () => {
  it("encodes varints, including 64-bit and negative values", () => {
    expect(bytes((w) => w.varint(1, 0))).toEqual([0x08, 0x00]);
    expect(bytes((w) => w.varint(1, 150))).toEqual([0x08, 0x96, 0x01]);
    expect(bytes((w) => w.varint(2, 2n ** 63n - 1n))).toEqual([0x10, ...Array(8).fill(0xff), 0x7f]);
    expect(bytes((w) => w.varint(1, -1))).toEqual([0x08, ...Array(9).fill(0xff), 0x01]);
    expect(() => bytes((w) => w.varint(1, 2 ** 60))).toThrow(RangeError);
  });

  it("encodes floats, strings and nested messages as length-delimited fields", () => {
    expect(bytes((w) => w.float(2, 1))).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
    expect(bytes((w) => w.string(2, "hé"))).toEqual([0x12, 0x03, 0x68, 0xc3, 0xa9]);
    expect(bytes((w) => w.message(3, (inner) => inner.varint(1, 150)))).toEqual([
      0x1a, 0x03, 0x08, 0x96, 0x01,
    ]);
    expect(bytes((w) => w.string(20, ""))).toEqual([0xa2, 0x01, 0x00]);
  });
});

/** y = ReduceSum(LeakyRelu(Transpose(Cast(x)) · scale), axes) exercises int, ints and float attributes. */
function sampleModel(): OnnxModel {
  return {
    irVersion: 8,
    opsetVersion: 17,
    producerName: "test",
    metadata: { purpose: "writer test" },
    graph: {
      name: "sample",
      inputs: [{ name: "x", type: "int64", shape: ["batch", 3] }],
      outputs: [
        { name: "y", type: "float32", shape: [3] },
        { name: "flag", type: "bool", shape: [] },
      ],
      initializers: [
        { name: "scale", type: "float32", dims: [3, 1], data: Float32Array.of(1, -2, 0.5) },
        { name: "axes", type: "int64", dims: [1], data: BigInt64Array.of(-1n) },
        { name: "flag_value", type: "bool", dims: [], data: Uint8Array.of(1) },
      ],
      nodes: [
        {
          opType: "Cast",
          inputs: ["x"],
          outputs: ["x_float"],
          attributes: { to: { type: "int", value: 1 } },
        },
        {
          opType: "Transpose",
          inputs: ["x_float"],
          outputs: ["x_t"],
          attributes: { perm: { type: "ints", value: [1, 0] } },
        },
        { opType: "Mul", inputs: ["x_t", "scale"], outputs: ["scaled"] },
        {
          opType: "LeakyRelu",
          inputs: ["scaled"],
          outputs: ["activated"],
          attributes: { alpha: { type: "float", value: 0.25 } },
        },
        {
          opType: "ReduceSum",
          inputs: ["activated", "axes"],
          outputs: ["y"],
          attributes: { keepdims: { type: "int", value: 0 } },
        },
        { opType: "Identity", inputs: ["flag_value"], outputs: ["flag"] },
      ],
    },
  };
}

describe("encodeOnnxModel", () => {
  it("produces a model onnxruntime loads and runs with the declared names", async () => {
    const session = await InferenceSession.create(encodeOnnxModel(sampleModel()));
    expect(session.inputNames).toEqual(["x"]);
    expect(session.outputNames).toEqual(["y", "flag"]);
    const x = new Tensor("int64", BigInt64Array.of(1n, 2n, 3n, 4n, 5n, 6n), [2, 3]);
    const { y, flag } = await session.run({ x });
    // Columns of x: [1, 4], [2, 5], [3, 6]; scaled by 1, -2, 0.5; negatives × 0.25.
    expect(Array.from(y!.data as Float32Array)).toEqual([5, -0.25 * 14, 4.5]);
    expect(y!.dims).toEqual([3]);
    expect(Array.from(flag!.data as Uint8Array)).toEqual([1]);
    await session.release();
  });

  it("is deterministic", () => {
    expect(encodeOnnxModel(sampleModel())).toEqual(encodeOnnxModel(sampleModel()));
  });

  it("rejects a tensor whose data does not fill its dims", () => {
    const model = sampleModel();
    const broken: OnnxModel = {
      ...model,
      graph: {
        ...model.graph,
        initializers: [{ name: "scale", type: "float32", dims: [3, 2], data: Float32Array.of(1, 2, 3) }],
      },
    };
    expect(() => encodeOnnxModel(broken)).toThrow(/need 6 values, got 3/);
  });
});
