/**
 * JSON as Python's `json.dumps` writes it by default (`", "` and `": "` separators), which is what
 * Llama prompts and llama-stack's history encoding contain. Non-ASCII stays unescaped (deviation:
 * `\uXXXX` escapes cost tokens and read worse). Undefined values are dropped like JSON.stringify.
 */
export function pythonJson(value: unknown, options: { sortKeys?: boolean } = {}): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map((item) => pythonJson(item, options)).join(", ")}]`;
  if (typeof value === "object") {
    let entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (options.sortKeys) entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item, options)}`).join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
