import type { ToolCallContext, ToolContent, ToolDefinition, ToolInvocationResult } from "@llama-stack-ts/api";
import type { z } from "zod";

type Handler<Args> = (
  args: Args,
  context: ToolCallContext,
) => Promise<ToolContent | ToolInvocationResult> | ToolContent | ToolInvocationResult;

/**
 * One tool: a name, a description the model reads, its arguments as a zod schema (typed handler)
 * or a JSON Schema, and a handler. `defineToolGroup` checks the arguments before the handler
 * runs, stops it after `timeoutMs` (30 s) and cuts output past `maxOutputChars` (100,000).
 *
 * @example
 * const add = defineTool({
 *   name: "add",
 *   description: "Adds two numbers.",
 *   parameters: z.object({ a: z.number(), b: z.number() }),
 *   handler: ({ a, b }) => String(a + b),
 * });
 */
export function defineTool<S extends z.ZodType>(
  definition: Omit<ToolDefinition<z.output<S>>, "parameters" | "handler"> & {
    parameters: S;
    handler: Handler<z.output<S>>;
  },
): ToolDefinition<z.output<S>>;
export function defineTool(
  definition: Omit<ToolDefinition, "parameters" | "handler"> & {
    parameters: Record<string, unknown>;
    handler: Handler<Record<string, unknown>>;
  },
): ToolDefinition;
export function defineTool(definition: ToolDefinition<never>): ToolDefinition<never> {
  return definition;
}
