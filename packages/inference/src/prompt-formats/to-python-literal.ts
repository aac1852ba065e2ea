/**
 * A JSON value as a Python literal, for `[fname(k="v", n=10)]` calls. Dicts are written as Python
 * dicts (`{"k": "v"}`), not llama-stack's `{k=v}`, so the history can be parsed back.
 */
export function toPythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toPythonLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${toPythonLiteral(item)}`).join(", ")}}`;
  }
  return JSON.stringify(String(value));
}

/** Keyword arguments `k="v", n=10` of a Python call. */
export function toPythonKeywordArguments(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${toPythonLiteral(value)}`)
    .join(", ");
}
