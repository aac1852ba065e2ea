import { z } from "zod";

/**
 * A zod validator for an MCP tool's JSON Schema (`$ref`/`$defs`/`definitions` included), or
 * undefined when zod cannot express the schema: the server validates anyway, so an exotic
 * schema only loses the early, argument-naming 400.
 */
export function compileInputSchema(schema: Record<string, unknown>): z.ZodType | undefined {
  try {
    return z.fromJSONSchema(schema as never);
  } catch {
    return undefined;
  }
}
