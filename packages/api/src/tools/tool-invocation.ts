import { z } from "zod";
import { ToolContentSchema } from "./tool-content.ts";

/** `POST /v1/tool-runtime/invoke`. */
export const InvokeToolRequestSchema = z.object({
  tool_name: z.string().min(1),
  kwargs: z.record(z.string(), z.unknown()).default({}),
  /** A bearer token the tool passes on (e.g. to an MCP server). */
  authorization: z.string().optional(),
});
export type InvokeToolRequest = z.input<typeof InvokeToolRequestSchema>;

/**
 * A tool's answer. A failure the model should read (bad arguments, a timeout, the tool's own
 * error) is `error_code` + `error_message`, not an exception: the agent loop hands it back to
 * the model as the tool's result.
 */
export const ToolInvocationResultSchema = z
  .object({
    content: ToolContentSchema.optional(),
    error_code: z.number().int().optional(),
    error_message: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "ToolInvocationResult" });
export type ToolInvocationResult = z.infer<typeof ToolInvocationResultSchema>;

/** Error codes the runtime itself sets; tools may use others (MCP's `isError` is 1). */
export const TOOL_ERROR = { failed: 1, invalidArguments: 2, timedOut: 3, blocked: 4 } as const;
