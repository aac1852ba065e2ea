import { InvalidRequestError } from "@llama-stack-ts/api";
import { z } from "zod";

const KEY = /^[A-Za-z0-9_.-]+$/;
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export type Filter =
  | { type: "eq" | "ne" | "gt" | "gte" | "lt" | "lte"; key: string; value: string | number | boolean }
  | { type: "in" | "nin"; key: string; value: (string | number | boolean)[] }
  | { type: "and" | "or"; filters: Filter[] };

export const FilterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ type: z.enum(["eq", "ne", "gt", "gte", "lt", "lte"]), key: z.string(), value: Scalar }),
    z.strictObject({ type: z.enum(["in", "nin"]), key: z.string(), value: z.array(Scalar).min(1) }),
    z.strictObject({ type: z.enum(["and", "or"]), filters: z.array(FilterSchema).min(1) }),
  ]),
);

type Compound = Extract<Filter, { filters: Filter[] }>;
type ListFilter = Extract<Filter, { value: unknown[] }>;
const isCompound = (f: Filter): f is Compound => f.type === "and" || f.type === "or";
const isList = (f: Filter): f is ListFilter => f.type === "in" || f.type === "nin";

const OPERATORS = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * OpenAI attribute filters as a SQL condition on a jsonb column. Values are bound parameters;
 * keys are checked against a strict alphabet (a bad key is a 400, never SQL). Numbers compare
 * numerically and booleans as booleans, as the value's type says.
 */
export function compileFilters(filter: Filter, column: string, params: unknown[]): string {
  if (isCompound(filter)) {
    const parts = filter.filters.map((f) => compileFilters(f, column, params));
    return `(${parts.join(filter.type === "and" ? " AND " : " OR ")})`;
  }
  if (!KEY.test(filter.key)) {
    throw new InvalidRequestError(
      `Invalid filter key '${filter.key}': use letters, digits, '_', '-' and '.'.`,
      {
        param: "filters",
      },
    );
  }
  params.push(filter.key);
  const field = `(${column}->>$${params.length})`;
  if (isList(filter)) {
    const values = filter.value;
    const kind = typeof values[0];
    if (values.some((v) => typeof v !== kind)) {
      throw new InvalidRequestError(
        `Filter '${filter.key}': all values of '${filter.type}' must have one type.`,
        {
          param: "filters",
        },
      );
    }
    params.push(values.map(String));
    const list = `$${params.length}::text[]`;
    // Postgres casts arrays element by element: '{"1","2"}'::text[]::numeric[].
    const cast = kind === "number" ? `${list}::numeric[]` : kind === "boolean" ? `${list}::boolean[]` : list;
    const typed = kind === "number" ? asNumber(field) : kind === "boolean" ? asBoolean(field) : field;
    const test = `${typed} = ANY(${cast})`;
    return filter.type === "in" ? `coalesce(${test}, false)` : `NOT coalesce(${test}, false)`;
  }
  const comparison = filter as Exclude<Filter, Compound | ListFilter>;
  params.push(String(comparison.value));
  const value = `$${params.length}`;
  const operator = OPERATORS[comparison.type];
  if (typeof filter.value === "number")
    return `coalesce(${asNumber(field)} ${operator} ${value}::numeric, false)`;
  if (typeof filter.value === "boolean")
    return `coalesce(${asBoolean(field)} ${operator} ${value}::boolean, false)`;
  return `coalesce(${field} ${operator} ${value}, false)`;
}

// SQL does not promise to short-circuit AND, so guard casts with CASE: a non-numeric value is NULL.
const asNumber = (field: string) =>
  `(CASE WHEN ${field} ~ '^\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*$' THEN ${field}::numeric END)`;
const asBoolean = (field: string) =>
  `(CASE WHEN lower(${field}) IN ('true', 'false') THEN lower(${field})::boolean END)`;
