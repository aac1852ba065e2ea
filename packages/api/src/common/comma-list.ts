import { z } from "zod";

/** A query parameter sent as `a,b,c` (the clients' array format); also accepts repeated keys. */
export function commaListSchema<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const parts = Array.isArray(value) ? value : typeof value === "string" ? [value] : value;
    if (!Array.isArray(parts)) return parts;
    return parts
      .flatMap((part) => (typeof part === "string" ? part.split(",") : [part]))
      .filter((p) => p !== "");
  }, z.array(item));
}
