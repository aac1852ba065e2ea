/** Element types this writer can store (ONNX `TensorProto.DataType` numbers). */
export const onnxElementTypes = { float32: 1, int32: 6, int64: 7, bool: 9 } as const;

export type OnnxElementType = keyof typeof onnxElementTypes;

/** A constant tensor (graph initializer or tensor attribute); `data` is row-major. */
export type OnnxTensor =
  | { name: string; type: "float32"; dims: readonly number[]; data: Float32Array }
  | { name: string; type: "int32"; dims: readonly number[]; data: Int32Array }
  | { name: string; type: "int64"; dims: readonly number[]; data: BigInt64Array }
  | { name: string; type: "bool"; dims: readonly number[]; data: Uint8Array };

/** A graph input or output; a string dimension is symbolic (`"batch_size"`), a number is fixed. */
export interface OnnxValueInfo {
  name: string;
  type: OnnxElementType;
  shape: readonly (number | string)[];
}

export type OnnxAttribute =
  | { type: "int"; value: number | bigint }
  | { type: "float"; value: number }
  | { type: "string"; value: string }
  | { type: "tensor"; value: OnnxTensor }
  | { type: "ints"; value: readonly (number | bigint)[] }
  | { type: "floats"; value: readonly number[] };

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  /** Operator set domain; empty (the default) is the standard `ai.onnx` set. */
  domain?: string;
  attributes?: Readonly<Record<string, OnnxAttribute>>;
}

export interface OnnxGraph {
  name: string;
  /** Topologically sorted. */
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  docString?: string;
}

export interface OnnxModel {
  /** ONNX IR version; 8 is understood by every onnxruntime since 1.10. */
  irVersion: number;
  /** Version of the default (`ai.onnx`) operator set. */
  opsetVersion: number;
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  /** `metadata_props` key/value pairs. */
  metadata?: Readonly<Record<string, string>>;
  graph: OnnxGraph;
}
