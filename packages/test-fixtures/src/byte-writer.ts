/** Little-endian binary writer that grows its buffer as needed. */
export class ByteWriter {
  private buffer = Buffer.alloc(1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  u8(value: number): void {
    this.reserve(1);
    this.length = this.buffer.writeUInt8(value, this.length);
  }

  i8(value: number): void {
    this.reserve(1);
    this.length = this.buffer.writeInt8(value, this.length);
  }

  u16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeUInt16LE(value, this.length);
  }

  i16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16LE(value, this.length);
  }

  u32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value, this.length);
  }

  i32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32LE(value, this.length);
  }

  f32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeFloatLE(value, this.length);
  }

  f64(value: number): void {
    this.reserve(8);
    this.length = this.buffer.writeDoubleLE(value, this.length);
  }

  u64(value: number | bigint): void {
    this.reserve(8);
    this.length = this.buffer.writeBigUInt64LE(BigInt(value), this.length);
  }

  i64(value: number | bigint): void {
    this.reserve(8);
    this.length = this.buffer.writeBigInt64LE(BigInt(value), this.length);
  }

  /** GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
  string(value: string): void {
    const byteLength = Buffer.byteLength(value, "utf8");
    this.u64(byteLength);
    this.reserve(byteLength);
    this.length += this.buffer.write(value, this.length, "utf8");
  }

  /** Zero bytes up to the next multiple of `alignment`. */
  pad(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding);
    this.buffer.fill(0, this.length, this.length + padding);
    this.length += padding;
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
