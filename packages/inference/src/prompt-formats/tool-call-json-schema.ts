import { type FunctionTool, InvalidRequestError } from "@llama-stack-ts/api";
import { toGrammarSchema } from "./to-grammar-schema.ts";

type Schema = Record<string, unknown>;

/** Points `#/$defs/X` references at the renamed definitions. */
function renameReferences(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, prefix));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "$ref" && typeof item === "string"
        ? item.replace(/^#\/\$defs\//, `#/$defs/${prefix}`)
        : renameReferences(item, prefix),
    ]),
  );
}

function callSchema(tool: FunctionTool, definitions: Schema): Schema {
  const { name, parameters } = tool.function;
  const { $defs, ...schema } = toGrammarSchema(parameters ?? { type: "object", properties: {} });
  // Definitions move to the root, where `#/$defs/…` resolves; the tool name keeps them apart.
  const prefix = `${name}__`;
  const ownDefinitions = typeof $defs === "object" && $defs !== null ? Object.entries($defs) : [];
  for (const [key, definition] of ownDefinitions) {
    definitions[prefix + key] = renameReferences(definition, prefix);
  }
  return {
    type: "object",
    properties: { name: { const: name }, parameters: renameReferences(schema, prefix) },
    required: ["name", "parameters"],
    additionalProperties: false,
  };
}

/**
 * JSON Schema for one call `{"name": …, "parameters": …}` to any of `tools` (or only `options.name`),
 * for a grammar that forces a tool call (tool_choice `required` or named). Its output parses with
 * {@link parseLlamaOutput}.
 */
export function toolCallJsonSchema(tools: FunctionTool[], options: { name?: string } = {}): Schema {
  const chosen = options.name ? tools.filter((tool) => tool.function.name === options.name) : tools;
  if (chosen.length === 0) {
    const message = options.name
      ? `No tool named '${options.name}'.`
      : "A tool call needs at least one tool.";
    throw new InvalidRequestError(message, { param: options.name ? "tool_choice" : "tools" });
  }
  const definitions: Schema = {};
  const variants = chosen.map((tool) => callSchema(tool, definitions));
  const schema: Schema = variants.length === 1 ? variants[0]! : { oneOf: variants };
  return Object.keys(definitions).length > 0 ? { ...schema, $defs: definitions } : schema;
}
