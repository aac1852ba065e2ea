/**
 * `path: value` lines for every leaf of a JSON value (`order.items[0].sku: A-1`), in document
 * order. Iterative, so deeply nested input cannot overflow the stack.
 */
export function flattenJson(value: unknown): string[] {
  const lines: string[] = [];
  const stack: Array<[path: string, value: unknown]> = [["", value]];
  while (stack.length > 0) {
    const [path, current] = stack.pop()!;
    const entries: Array<[string, unknown]> = Array.isArray(current)
      ? current.map((item, index) => [`${path}[${index}]`, item])
      : isObject(current)
        ? Object.entries(current).map(([key, item]) => [joinKey(path, key), item])
        : [];
    if (entries.length > 0) {
      for (let index = entries.length - 1; index >= 0; index--) stack.push(entries[index]!);
      continue;
    }
    const leaf = Array.isArray(current) ? "[]" : isObject(current) ? "{}" : formatScalar(current);
    lines.push(path === "" ? leaf : `${path}: ${leaf}`);
  }
  return lines;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function joinKey(path: string, key: string): string {
  if (/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Strings unquoted for readability; embedded newlines kept on one line. */
function formatScalar(value: unknown): string {
  if (typeof value === "string") return value.replace(/\r?\n/g, " ");
  return JSON.stringify(value) ?? String(value);
}
