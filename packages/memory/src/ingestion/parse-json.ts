import { flattenJson } from "./flatten-json.ts";
import type { ParsedDocument } from "./parsed-document.ts";
import { unreadable } from "./unreadable.ts";

/** JSON as `path: value` lines, so each retrieved line carries its own context. */
export function parseJson(text: string, filename: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw unreadable(filename, "the JSON is invalid", error);
  }
  const lines = flattenJson(value);
  const topLevel = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  return { text: lines.join("\n"), format: "json", metadata: { topLevel, leafCount: lines.length } };
}
