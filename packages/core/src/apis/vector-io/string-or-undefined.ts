/** A metadata value when it is a string (chunk metadata is untyped jsonb). */
export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
