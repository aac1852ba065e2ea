import { type CompoundFilter, InvalidRequestError, type VectorStoreFilter } from "@llama-stack-ts/api";

const KEY = /^[A-Za-z0-9_.-]+$/;

type ListFilter = Extract<VectorStoreFilter, { value: unknown[] }>;
const isCompound = (f: VectorStoreFilter): f is CompoundFilter => f.type === "and" || f.type === "or";
const isList = (f: VectorStoreFilter): f is ListFilter => f.type === "in" || f.type === "nin";

const OPERATORS = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * OpenAI attribute filters (their shape checked at the edge by `VectorStoreFilterSchema`) as a SQL
 * condition on a jsonb column. Values are bound parameters; keys are checked against a strict
 * alphabet (a bad key is a 400, never SQL). Numbers compare numerically and booleans as booleans,
 * as the value's type says.
 */
export function compileFilters(filter: VectorStoreFilter, column: string, params: unknown[]): string {
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
  const comparison = filter as Exclude<VectorStoreFilter, CompoundFilter | ListFilter>;
  params.push(String(comparison.value));
  const value = `$${params.length}`;
  const operator = OPERATORS[comparison.type];
  // Filters are validated at the edge; this guards a provider called directly with another type.
  if (!operator)
    throw new InvalidRequestError(`Unknown filter type '${comparison.type}'.`, { param: "filters" });
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
