import { type ChatCompletionRequest, type FunctionTool, InvalidRequestError } from "@llama-stack-ts/api";
import type { LlamaGrammar } from "node-llama-cpp";
import { type ToolPromptFormat, toGrammarSchema } from "../prompt-formats/index.ts";
import { jsonSchemaGrammar } from "./json-schema-grammar.ts";
import type { LoadedModel } from "./model-host.ts";
import { toolCallGrammar } from "./tool-call-grammar.ts";

export type ChatGrammar =
  /** `json`: the output is one JSON value, complete when it closes (a raw GBNF grammar is not). */
  | { kind: "format"; grammar: LlamaGrammar; json: boolean }
  /** `toolNames`: the tools the call may name; read with {@link forcedToolCall}. */
  | { kind: "tool"; grammar: LlamaGrammar; toolNames: string[] };

/**
 * Constrained decoding: `response_format` json_schema/json_object, and a forced tool call for
 * `tool_choice: "required"` or a named tool (the call's arguments follow the tool's schema), and a
 * raw GBNF `grammar`. Schemas were checked by `prepareChat`; what the engine still refuses is a 400.
 */
export async function chatGrammar(
  loaded: LoadedModel,
  request: ChatCompletionRequest,
  tools: FunctionTool[],
  toolFormat: ToolPromptFormat | null,
): Promise<ChatGrammar | undefined> {
  const { llama } = loaded;
  const choice = request.tool_choice;
  if (tools.length > 0 && toolFormat && (choice === "required" || (choice && typeof choice === "object"))) {
    const name = typeof choice === "object" ? choice.function.name : undefined;
    const grammar = await toolCallGrammar(llama, tools, name ? { name } : {});
    return {
      kind: "tool",
      grammar,
      toolNames: name ? [name] : tools.map((tool) => tool.function.name),
    };
  }
  if (request.grammar) {
    try {
      return {
        kind: "format",
        grammar: await llama.createGrammar({ grammar: request.grammar }),
        json: false,
      };
    } catch (cause) {
      throw new InvalidRequestError(`The grammar is not valid GBNF: ${(cause as Error).message}`, {
        param: "grammar",
        cause,
      });
    }
  }
  const format = request.response_format;
  if (format?.type === "json_object") {
    return { kind: "format", grammar: await llama.getGrammarFor("json"), json: true };
  }
  if (format?.type === "json_schema") {
    const schema = format.json_schema.schema;
    if (!schema) return { kind: "format", grammar: await llama.getGrammarFor("json"), json: true };
    const grammar = await jsonSchemaGrammar(
      llama,
      toGrammarSchema(schema),
      "response_format.json_schema.schema",
    );
    return { kind: "format", grammar, json: true };
  }
  return undefined;
}
