import type { ByteWriter } from "./byte-writer.ts";

export type GgufNumberType = "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "f32" | "f64";
export type GgufBigNumberType = "u64" | "i64";

/** A metadata value with its GGUF type spelled out (GGUF has no untyped numbers). */
export type GgufValue =
  | { type: GgufNumberType; value: number }
  | { type: GgufBigNumberType; value: number | bigint }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "array"; itemType: GgufNumberType; value: ArrayLike<number> }
  | { type: "array"; itemType: GgufBigNumberType; value: ArrayLike<number | bigint> }
  | { type: "array"; itemType: "bool"; value: ArrayLike<boolean> }
  | { type: "array"; itemType: "string"; value: ArrayLike<string> };

export type GgufMetadata = Record<string, GgufValue>;

type GgufItemType = GgufNumberType | GgufBigNumberType | "bool" | "string";

/** Value type ids from the GGUF specification. */
const typeIds: Record<GgufItemType | "array", number> = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
};

/** Writes `key | u32 type | value` for every entry, in insertion order. */
export function writeGgufMetadata(writer: ByteWriter, metadata: GgufMetadata): void {
  for (const [key, entry] of Object.entries(metadata)) {
    writer.string(key);
    writer.u32(typeIds[entry.type]);
    if (entry.type === "array") {
      writer.u32(typeIds[entry.itemType]);
      writer.u64(entry.value.length);
      for (let index = 0; index < entry.value.length; index++) {
        writeItem(writer, entry.itemType, entry.value[index]!);
      }
    } else {
      writeItem(writer, entry.type, entry.value);
    }
  }
}

function writeItem(writer: ByteWriter, type: GgufItemType, value: number | bigint | boolean | string): void {
  // The union type keeps callers honest; this guards values built from untyped data (JSON).
  const mismatch = () => new TypeError(`GGUF metadata: ${String(value)} is not a valid ${type}`);
  switch (type) {
    case "string":
      if (typeof value !== "string") throw mismatch();
      writer.string(value);
      return;
    case "bool":
      if (typeof value !== "boolean") throw mismatch();
      writer.u8(value ? 1 : 0);
      return;
    case "u64":
    case "i64":
      if (typeof value !== "number" && typeof value !== "bigint") throw mismatch();
      writer[type](value);
      return;
    default:
      if (typeof value !== "number") throw mismatch();
      writer[type](value);
  }
}
