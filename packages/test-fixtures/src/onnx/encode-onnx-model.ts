import {
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
  onnxElementTypes,
} from "./onnx-model.ts";
import { ProtobufWriter } from "./protobuf-writer.ts";

// Field numbers from onnx/onnx.proto (proto2).
const modelFields = {
  irVersion: 1,
  producerName: 2,
  producerVersion: 3,
  docString: 6,
  graph: 7,
  opsetImport: 8,
  metadataProps: 14,
};
const graphFields = { node: 1, name: 2, initializer: 5, docString: 10, input: 11, output: 12 };
const nodeFields = { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 };
const attributeFields = { name: 1, f: 2, i: 3, s: 4, t: 5, floats: 7, ints: 8, type: 20 };
const attributeTypes = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 } as const;
const tensorFields = { dims: 1, dataType: 2, name: 8, rawData: 9 };
const valueInfoFields = { name: 1, type: 2 };
const typeFields = { tensorType: 1 };
const tensorTypeFields = { elemType: 1, shape: 2 };
const shapeFields = { dim: 1 };
const dimensionFields = { value: 1, param: 2 };
const opsetFields = { domain: 1, version: 2 };
const entryFields = { key: 1, value: 2 };

/** Serializes `model` as an ONNX `ModelProto` (the bytes of a `.onnx` file). */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const writer = new ProtobufWriter();
  writer.varint(modelFields.irVersion, model.irVersion);
  if (model.producerName !== undefined) writer.string(modelFields.producerName, model.producerName);
  if (model.producerVersion !== undefined) writer.string(modelFields.producerVersion, model.producerVersion);
  if (model.docString !== undefined) writer.string(modelFields.docString, model.docString);
  writer.message(modelFields.graph, (graph) => writeGraph(graph, model.graph));
  writer.message(modelFields.opsetImport, (opset) => {
    opset.string(opsetFields.domain, "");
    opset.varint(opsetFields.version, model.opsetVersion);
  });
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    writer.message(modelFields.metadataProps, (entry) => {
      entry.string(entryFields.key, key);
      entry.string(entryFields.value, value);
    });
  }
  return writer.finish();
}

function writeGraph(writer: ProtobufWriter, graph: OnnxGraph): void {
  for (const node of graph.nodes) writer.message(graphFields.node, (w) => writeNode(w, node));
  writer.string(graphFields.name, graph.name);
  for (const tensor of graph.initializers)
    writer.message(graphFields.initializer, (w) => writeTensor(w, tensor));
  if (graph.docString !== undefined) writer.string(graphFields.docString, graph.docString);
  for (const input of graph.inputs) writer.message(graphFields.input, (w) => writeValueInfo(w, input));
  for (const output of graph.outputs) writer.message(graphFields.output, (w) => writeValueInfo(w, output));
}

function writeNode(writer: ProtobufWriter, node: OnnxNode): void {
  for (const input of node.inputs) writer.string(nodeFields.input, input);
  for (const output of node.outputs) writer.string(nodeFields.output, output);
  if (node.name !== undefined) writer.string(nodeFields.name, node.name);
  writer.string(nodeFields.opType, node.opType);
  for (const [name, attribute] of Object.entries(node.attributes ?? {})) {
    writer.message(nodeFields.attribute, (w) => writeAttribute(w, name, attribute));
  }
  if (node.domain !== undefined) writer.string(nodeFields.domain, node.domain);
}

function writeAttribute(writer: ProtobufWriter, name: string, attribute: OnnxAttribute): void {
  writer.string(attributeFields.name, name);
  switch (attribute.type) {
    case "float":
      writer.float(attributeFields.f, attribute.value);
      break;
    case "int":
      writer.varint(attributeFields.i, attribute.value);
      break;
    case "string":
      writer.string(attributeFields.s, attribute.value);
      break;
    case "tensor":
      writer.message(attributeFields.t, (w) => writeTensor(w, attribute.value));
      break;
    case "floats":
      for (const value of attribute.value) writer.float(attributeFields.floats, value);
      break;
    case "ints":
      for (const value of attribute.value) writer.varint(attributeFields.ints, value);
      break;
  }
  writer.varint(attributeFields.type, attributeTypes[attribute.type]);
}

function writeTensor(writer: ProtobufWriter, tensor: OnnxTensor): void {
  const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
  if (elements !== tensor.data.length) {
    throw new RangeError(
      `tensor ${tensor.name}: dims [${tensor.dims.join(", ")}] need ${elements} values, got ${tensor.data.length}`,
    );
  }
  for (const dim of tensor.dims) writer.varint(tensorFields.dims, dim);
  writer.varint(tensorFields.dataType, onnxElementTypes[tensor.type]);
  writer.string(tensorFields.name, tensor.name);
  writer.bytes(tensorFields.rawData, littleEndianBytes(tensor));
}

/** `raw_data` is fixed-width little-endian; typed arrays use the host order, so write through a DataView. */
function littleEndianBytes(tensor: OnnxTensor): Uint8Array {
  const { data } = tensor;
  const bytes = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < data.length; index++) {
    switch (tensor.type) {
      case "float32":
        view.setFloat32(index * 4, tensor.data[index]!, true);
        break;
      case "int32":
        view.setInt32(index * 4, tensor.data[index]!, true);
        break;
      case "int64":
        view.setBigInt64(index * 8, tensor.data[index]!, true);
        break;
      case "bool":
        view.setUint8(index, tensor.data[index] ? 1 : 0);
        break;
    }
  }
  return bytes;
}

function writeValueInfo(writer: ProtobufWriter, info: OnnxValueInfo): void {
  writer.string(valueInfoFields.name, info.name);
  writer.message(valueInfoFields.type, (type) =>
    type.message(typeFields.tensorType, (tensorType) => {
      tensorType.varint(tensorTypeFields.elemType, onnxElementTypes[info.type]);
      tensorType.message(tensorTypeFields.shape, (shape) => {
        for (const dim of info.shape) {
          shape.message(shapeFields.dim, (dimension) => {
            if (typeof dim === "string") dimension.string(dimensionFields.param, dim);
            else dimension.varint(dimensionFields.value, dim);
          });
        }
      });
    }),
  );
}
