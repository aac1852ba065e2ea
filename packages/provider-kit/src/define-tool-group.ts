import {
  type AnyToolDefinition,
  InvalidRequestError,
  NotFoundError,
  type ProviderModule,
  TOOL_ERROR,
  type ToolCallContext,
  type ToolContent,
  type ToolDef,
  type ToolGroupDefinition,
  type ToolInvocationResult,
  type ToolRuntimeProvider,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { capToolOutput } from "./cap-tool-output.ts";
import { formatIssuePath, formatZodError } from "./format-zod-error.ts";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_OUTPUT_CHARS = 100_000;

/**
 * Turns a tool group definition into a tool-runtime provider module: tools listed with JSON
 * Schemas, arguments checked before a handler runs (a 400 naming the argument), a per-call
 * timeout and an output cap, and a handler's failure returned as a tool error the model can read.
 *
 * @example
 * export default defineToolGroup({
 *   type: "inline::calculator",
 *   description: "Arithmetic for agents.",
 *   configSchema: z.object({}),
 *   defaultToolGroups: ["calculator"],
 *   create: () => ({ tools: () => [add] }),
 * });
 */
export function defineToolGroup<Config>(
  definition: ToolGroupDefinition<Config>,
): ProviderModule<Config, ToolRuntimeProvider> {
  return {
    api: "tool_runtime",
    providerType: definition.type,
    description: definition.description,
    configSchema: definition.configSchema,
    ...(definition.secretKeys ? { secretKeys: definition.secretKeys } : {}),
    async create(context) {
      const group = await definition.create(context);
      const schemas = new WeakMap<AnyToolDefinition, z.ZodType>();
      const schemaOf = (tool: AnyToolDefinition) => {
        let schema = schemas.get(tool);
        if (!schema) {
          schema = isZod(tool.parameters) ? tool.parameters : z.fromJSONSchema(tool.parameters as never);
          schemas.set(tool, schema);
        }
        return schema;
      };
      return {
        ...(definition.defaultToolGroups ? { defaultToolGroups: definition.defaultToolGroups } : {}),
        async listTools(toolGroup, options) {
          return (await group.tools(toolGroup, options)).map((tool) => toolDef(tool, toolGroup.identifier));
        },
        async invokeTool({ toolName, kwargs, toolGroup }, options) {
          const tool = (await group.tools(toolGroup, options)).find((t) => t.name === toolName);
          if (!tool) {
            throw new NotFoundError(
              "Tool",
              toolName,
              `List the tools of '${toolGroup.identifier}' with GET /v1/tools.`,
            );
          }
          const parsed = schemaOf(tool).safeParse(kwargs);
          if (!parsed.success) {
            const first = parsed.error.issues[0];
            throw new InvalidRequestError(
              `Invalid arguments for tool '${toolName}': ${formatZodError(parsed.error, "kwargs")}`,
              { param: first ? formatIssuePath(first.path, "kwargs") : "kwargs", retryable: false },
            );
          }
          return runTool(tool, parsed.data as never, {
            ...options,
            toolGroup,
            signal: options.signal ?? new AbortController().signal,
          });
        },
        ...(group.health ? { health: group.health.bind(group) } : {}),
        ...(group.shutdown ? { shutdown: group.shutdown.bind(group) } : {}),
      };
    },
  };
}

async function runTool(
  tool: AnyToolDefinition,
  args: never,
  context: ToolCallContext,
): Promise<ToolInvocationResult> {
  const timeoutMs = tool.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new Error(`Tool '${tool.name}' did not finish within ${timeoutMs} ms.`)),
    timeoutMs,
  );
  const signal = AbortSignal.any([context.signal, timeout.signal]);
  try {
    signal.throwIfAborted();
    const run = Promise.resolve(tool.handler(args, { ...context, signal }));
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
    const output = await Promise.race([run, aborted]);
    return capped(toResult(output), tool.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS);
  } catch (error) {
    // The caller went away: not the tool's failure, nothing to report to a model.
    if (context.signal.aborted) throw error;
    if (timeout.signal.aborted) {
      return { error_code: TOOL_ERROR.timedOut, error_message: (timeout.signal.reason as Error).message };
    }
    return {
      error_code: TOOL_ERROR.failed,
      error_message: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

function toResult(output: ToolContent | ToolInvocationResult): ToolInvocationResult {
  return typeof output === "string" || Array.isArray(output) ? { content: output } : output;
}

function capped(result: ToolInvocationResult, maxChars: number): ToolInvocationResult {
  if (result.content === undefined) return result;
  const { content, truncated } = capToolOutput(result.content, maxChars);
  return truncated ? { ...result, content, metadata: { ...result.metadata, truncated: true } } : result;
}

function toolDef(tool: AnyToolDefinition, toolgroupId: string): ToolDef {
  const inputSchema = isZod(tool.parameters)
    ? (z.toJSONSchema(tool.parameters, { io: "input", unrepresentable: "any" }) as Record<string, unknown>)
    : { ...tool.parameters };
  delete inputSchema.$schema;
  return {
    name: tool.name,
    description: tool.description,
    input_schema: inputSchema,
    toolgroup_id: toolgroupId,
  };
}

function isZod(value: unknown): value is z.ZodType {
  return typeof value === "object" && value !== null && "_zod" in value;
}
