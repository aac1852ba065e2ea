import {
  type ChatCompletionRequest,
  type FunctionTool,
  InvalidRequestError,
  UnprocessableError,
} from "@llama-stack-ts/api";
import type { LlamaGrammar } from "node-llama-cpp";
import { type ToolPromptFormat, toGrammarSchema, toolCallJsonSchema } from "../prompt-formats/index.ts";
import type { LoadedModel } from "./model-host.ts";

export type ChatGrammar =
  | { kind: "format"; grammar: LlamaGrammar }
  | {
      kind: "tool";
      grammar: LlamaGrammar;
      parse(text: string): { name: string; arguments: Record<string, unknown> };
    };

/**
 * Constrained decoding: `response_format` json_schema/json_object, and a forced tool call for
 * `tool_choice: "required"` or a named tool (the call's arguments follow the tool's schema), and a
 * raw GBNF `grammar`.
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
    const schema = toolCallJsonSchema(tools, name ? { name } : {});
    const grammar = await llama.createGrammarForJsonSchema(schema as never);
    return {
      kind: "tool",
      grammar,
      parse(text) {
        try {
          const value = JSON.parse(text) as { name: string; parameters: Record<string, unknown> };
          return { name: value.name, arguments: value.parameters ?? {} };
        } catch (cause) {
          throw new UnprocessableError(
            `The model's forced tool call was cut off before it was complete: ${text.slice(0, 200)}`,
            {
              cause,
            },
          );
        }
      },
    };
  }
  if (request.grammar) {
    try {
      return { kind: "format", grammar: await llama.createGrammar({ grammar: request.grammar }) };
    } catch (cause) {
      throw new InvalidRequestError(`The grammar is not valid GBNF: ${(cause as Error).message}`, {
        param: "grammar",
        cause,
      });
    }
  }
  const format = request.response_format;
  if (format?.type === "json_object") return { kind: "format", grammar: await llama.getGrammarFor("json") };
  if (format?.type === "json_schema") {
    const schema = format.json_schema.schema;
    if (!schema) return { kind: "format", grammar: await llama.getGrammarFor("json") };
    return {
      kind: "format",
      grammar: await llama.createGrammarForJsonSchema(toGrammarSchema(schema) as never),
    };
  }
  return undefined;
}
