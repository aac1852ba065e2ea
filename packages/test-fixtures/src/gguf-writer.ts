import { open } from "node:fs/promises";
import { endianness } from "node:os";
import { ByteWriter } from "./byte-writer.ts";
import { toFloat16 } from "./float16.ts";
import { type GgufMetadata, writeGgufMetadata } from "./gguf-metadata.ts";

export type GgufTensorType = "F32" | "F16";

export interface GgufTensor {
  /** At most 64 bytes, e.g. `blk.0.attn_q.weight`. */
  name: string;
  /** GGUF order: `dims[0]` is the innermost (contiguous) dimension. */
  dims: readonly number[];
  type: GgufTensorType;
  /** Row-major values; a function is called only when the tensor is written, so big models stream. */
  data: Float32Array | (() => Float32Array);
}

export interface GgufContents {
  metadata: GgufMetadata;
  tensors: readonly GgufTensor[];
}

const ggmlTypeIds: Record<GgufTensorType, number> = { F32: 0, F16: 1 };
const bytesPerValue: Record<GgufTensorType, number> = { F32: 4, F16: 2 };
const defaultAlignment = 32;

/** Writes a GGUF v3 file: header, metadata, tensor infos, then aligned tensor data. */
export async function writeGguf(path: string, { metadata, tensors }: GgufContents): Promise<void> {
  // Tensor bytes are written straight from typed arrays, which only matches GGUF on little-endian hosts.
  if (endianness() !== "LE") throw new Error("writeGguf needs a little-endian host");
  const alignmentEntry = metadata["general.alignment"];
  const alignment = alignmentEntry?.type === "u32" ? alignmentEntry.value : defaultAlignment;
  if (alignment <= 0 || alignment % 8 !== 0)
    throw new Error(`GGUF alignment ${alignment} is not a multiple of 8`);

  const header = new ByteWriter();
  header.u32(0x46554747); // "GGUF"
  header.u32(3);
  header.u64(tensors.length);
  header.u64(Object.keys(metadata).length);
  writeGgufMetadata(header, metadata);
  let offset = 0;
  for (const tensor of tensors) {
    validateTensor(tensor);
    header.string(tensor.name);
    header.u32(tensor.dims.length);
    for (const dim of tensor.dims) header.u64(dim);
    header.u32(ggmlTypeIds[tensor.type]);
    header.u64(offset);
    offset = alignUp(offset + tensorByteLength(tensor), alignment);
  }
  header.pad(alignment);

  const file = await open(path, "w");
  try {
    await file.write(header.toBuffer());
    for (const tensor of tensors) {
      const bytes = tensorBytes(tensor);
      await file.write(bytes);
      const padding = alignUp(bytes.length, alignment) - bytes.length;
      if (padding > 0) await file.write(Buffer.alloc(padding));
    }
  } finally {
    await file.close();
  }
}

function validateTensor({ name, dims }: GgufTensor): void {
  if (Buffer.byteLength(name, "utf8") > 64) throw new Error(`GGUF tensor name longer than 64 bytes: ${name}`);
  if (dims.length < 1 || dims.length > 4) throw new Error(`GGUF tensor ${name} must have 1 to 4 dims`);
  if (!dims.every((dim) => Number.isInteger(dim) && dim > 0)) {
    throw new Error(`GGUF tensor ${name} has invalid dims [${dims.join(", ")}]`);
  }
}

function tensorByteLength(tensor: GgufTensor): number {
  return elementCount(tensor) * bytesPerValue[tensor.type];
}

function elementCount({ dims }: GgufTensor): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

function tensorBytes(tensor: GgufTensor): Buffer {
  const values = typeof tensor.data === "function" ? tensor.data() : tensor.data;
  if (values.length !== elementCount(tensor)) {
    throw new Error(
      `GGUF tensor ${tensor.name}: ${values.length} values for dims [${tensor.dims.join(", ")}]`,
    );
  }
  const typed = tensor.type === "F16" ? toFloat16(values) : values;
  return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
}

function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
