import type { ToolDef } from "@llama-stack-ts/api";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";

/** An MCP tool as `GET /v1/tools` shows it; title and annotations go to `metadata`. */
export function toToolDef(tool: Tool, toolgroupId: string, endpoint: string): ToolDef {
  const metadata: Record<string, unknown> = { endpoint };
  if (tool.title !== undefined) metadata.title = tool.title;
  if (tool.annotations !== undefined) metadata.annotations = tool.annotations;
  return {
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    input_schema: tool.inputSchema,
    ...(tool.outputSchema !== undefined ? { output_schema: tool.outputSchema } : {}),
    metadata,
    toolgroup_id: toolgroupId,
  };
}
