import type { FunctionTool } from "@llama-stack-ts/api";
import type { Llama, LlamaGrammar } from "node-llama-cpp";
import { toolCallJsonSchema } from "../prompt-formats/index.ts";
import { jsonSchemaGrammar } from "./json-schema-grammar.ts";

/**
 * The grammar of one call to any of `tools` (or only `options.name`). `tools` are the request's,
 * in its order, so a schema the grammar cannot take is named as `tools[i].function.parameters`
 * (their bounds and depth were checked by `prepareChat`).
 */
export async function toolCallGrammar(
  llama: Llama,
  tools: FunctionTool[],
  options: { name?: string } = {},
): Promise<LlamaGrammar> {
  const chosen = tools
    .map((tool, index) => ({ tool, param: `tools[${index}].function.parameters` }))
    .filter(({ tool }) => options.name === undefined || tool.function.name === options.name);
  const schema = toolCallJsonSchema(tools, options);
  try {
    return await llama.createGrammarForJsonSchema(schema as never);
  } catch {
    // Name the tool whose schema fails on its own; "tools" when only their combination does.
    for (const { tool, param } of chosen) await jsonSchemaGrammar(llama, toolCallJsonSchema([tool]), param);
    return jsonSchemaGrammar(llama, schema, chosen.length === 1 ? chosen[0]!.param : "tools");
  }
}
