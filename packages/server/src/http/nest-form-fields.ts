// Keys that would reach Object.prototype; a form never needs them.
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Form keys in bracket notation as nested objects, the way clients encode objects in multipart
 * bodies: `{"expires_after[seconds]": "3600"}` → `{expires_after: {seconds: "3600"}}`.
 */
export function nestFormFields(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const path = key.match(/^([^[\]]+)((?:\[[^[\]]*\])*)$/);
    const keys = path ? [path[1]!, ...[...path[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)] : [key];
    if (keys.some((name) => UNSAFE.has(name))) continue;
    let node = out;
    for (const [index, name] of keys.entries()) {
      if (index === keys.length - 1) {
        node[name] = value;
      } else {
        const next = node[name];
        node[name] = typeof next === "object" && next !== null ? next : {};
        node = node[name] as Record<string, unknown>;
      }
    }
  }
  return out;
}
