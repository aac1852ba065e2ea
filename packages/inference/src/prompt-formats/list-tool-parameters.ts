import type { FunctionTool } from "@llama-stack-ts/api";

/** One top-level parameter of a tool, flattened from its JSON Schema for the prompt templates. */
export interface ToolParameter {
  name: string;
  /** JSON Schema type name (`string`, `integer`, …); the first non-null one of a type list. */
  type: string | undefined;
  description: string | undefined;
  required: boolean;
  /** `undefined` when the schema sets no default. */
  default: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function schemaType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === "string" && t !== "null");
  return undefined;
}

/** Top-level parameters in declaration order. */
export function listToolParameters(tool: FunctionTool): ToolParameter[] {
  const parameters = tool.function.parameters ?? {};
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const required = Array.isArray(parameters.required) ? parameters.required : [];
  return Object.entries(properties).map(([name, value]) => {
    const schema = isRecord(value) ? value : {};
    return {
      name,
      type: schemaType(schema),
      description: typeof schema.description === "string" ? schema.description : undefined,
      required: required.includes(name),
      default: schema.default ?? undefined,
    };
  });
}

/**
 * Text for inside a `"…"` in a template. The upstream templates paste raw text; escaping keeps the
 * block valid JSON when a description holds quotes or newlines (identical output otherwise).
 */
export function jsonText(text: string | undefined): string {
  return JSON.stringify(text ?? "").slice(1, -1);
}
