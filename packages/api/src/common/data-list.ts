import { z } from "zod";

/** `{data: [...]}`; llama-stack-client unwraps it to the bare array. */
export function dataListSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}
export interface DataList<T> {
  data: T[];
}
