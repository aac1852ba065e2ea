/** Protobuf wire types used by ONNX: varint, 32-bit fixed and length-delimited. */
const wireType = { varint: 0, fixed32: 5, lengthDelimited: 2 } as const;

const textEncoder = new TextEncoder();

/**
 * Minimal protobuf encoder: writes fields in call order. Nested messages are encoded by a child
 * writer first, because a length-delimited field needs its byte length up front.
 */
export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  /** `int32`/`int64`/`uint64`/`bool`/enum field. Negative values take 10 bytes (two's complement), as protobuf does. */
  varint(field: number, value: number | bigint): void {
    this.tag(field, wireType.varint);
    this.rawVarint(value);
  }

  /** `float` field (little-endian IEEE 754 single precision). */
  float(field: number, value: number): void {
    this.tag(field, wireType.fixed32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
  }

  /** `string` field, UTF-8. */
  string(field: number, value: string): void {
    this.bytes(field, textEncoder.encode(value));
  }

  /** `bytes` field. */
  bytes(field: number, value: Uint8Array): void {
    this.tag(field, wireType.lengthDelimited);
    this.rawVarint(value.byteLength);
    this.push(value);
  }

  /** Embedded message field, written by `write` into a fresh writer. */
  message(field: number, write: (writer: ProtobufWriter) => void): void {
    const child = new ProtobufWriter();
    write(child);
    this.bytes(field, child.finish());
  }

  finish(): Uint8Array {
    const result = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      result.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return result;
  }

  private tag(field: number, type: number): void {
    if (!Number.isInteger(field) || field < 1) throw new RangeError(`invalid protobuf field number ${field}`);
    this.rawVarint(field * 8 + type);
  }

  private rawVarint(value: number | bigint): void {
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      throw new RangeError(`varint must be a safe integer, got ${value}`);
    }
    let remaining = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      const low = Number(remaining & 0x7fn);
      remaining >>= 7n;
      bytes.push(remaining === 0n ? low : low | 0x80);
    } while (remaining !== 0n);
    this.push(Uint8Array.from(bytes));
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.byteLength;
  }
}
