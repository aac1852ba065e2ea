import { z } from "zod";

const FilterValueSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a string, a number or a boolean",
});

/** `{type, key, value}` on one attribute; `in`/`nin` take a non-empty list of values of one type. */
export type ComparisonFilter =
  | { type: "eq" | "ne" | "gt" | "gte" | "lt" | "lte"; key: string; value: string | number | boolean }
  | { type: "in" | "nin"; key: string; value: (string | number | boolean)[] };

/** `{type: "and" | "or", filters}`: filters nest. */
export interface CompoundFilter {
  type: "and" | "or";
  filters: VectorStoreFilter[];
}

/** An OpenAI attribute filter, as vector-store search and `/v1/vector-io/query` take it. */
export type VectorStoreFilter = ComparisonFilter | CompoundFilter;

export const VectorStoreFilterSchema: z.ZodType<VectorStoreFilter> = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.enum(["eq", "ne", "gt", "gte", "lt", "lte"]),
      key: z.string().min(1),
      value: FilterValueSchema,
    }),
    z.strictObject({
      type: z.enum(["in", "nin"]),
      key: z.string().min(1),
      value: z.array(FilterValueSchema).min(1, "must not be empty"),
    }),
    z.strictObject({
      type: z.enum(["and", "or"]),
      get filters(): z.ZodArray<z.ZodType<VectorStoreFilter>> {
        return z.array(VectorStoreFilterSchema).min(1, "must not be empty");
      },
    }),
  ])
  .meta({ id: "VectorStoreFilter", description: "OpenAI attribute filter: comparison or and/or compound." });
