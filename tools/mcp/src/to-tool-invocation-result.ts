import { TOOL_ERROR, type ToolContentItem, type ToolInvocationResult } from "@llama-stack-ts/api";
import type { CallToolResult, CompatibilityCallToolResult } from "@modelcontextprotocol/sdk/types.js";

/**
 * An MCP `tools/call` result as a tool invocation result. Unlike upstream, nothing is dropped:
 * embedded resources and resource links become `resource` items, audio a `resource` item with a
 * data URI, and `structuredContent` goes to `metadata.structured_content`. `isError` is a tool
 * error (code 1) whose message is the result's text. A pre-2024-11 `toolResult` becomes JSON text.
 */
export function toToolInvocationResult(
  answer: CallToolResult | CompatibilityCallToolResult,
): ToolInvocationResult {
  const result: CallToolResult =
    "content" in answer && Array.isArray(answer.content)
      ? (answer as CallToolResult)
      : { content: [{ type: "text", text: JSON.stringify(answer.toolResult) }] };
  const content = result.content.map(toContentItem);
  const metadata: Record<string, unknown> = {};
  if (result.structuredContent !== undefined) metadata.structured_content = result.structuredContent;
  const out: ToolInvocationResult = { content };
  if (Object.keys(metadata).length > 0) out.metadata = metadata;
  if (result.isError) {
    const text = content.flatMap((item) => (item.type === "text" ? [item.text] : [])).join("\n");
    out.error_code = TOOL_ERROR.failed;
    out.error_message = text || "The MCP tool reported an error without a message.";
  }
  return out;
}

function toContentItem(item: CallToolResult["content"][number]): ToolContentItem {
  switch (item.type) {
    case "text":
      return { type: "text", text: item.text };
    case "image":
      return { type: "image", data: item.data, mime_type: item.mimeType };
    case "audio":
      return {
        type: "resource",
        resource: {
          uri: `data:${item.mimeType};base64,${item.data}`,
          mime_type: item.mimeType,
          blob: item.data,
        },
      };
    case "resource": {
      const { uri, mimeType } = item.resource;
      const body = "text" in item.resource ? { text: item.resource.text } : { blob: item.resource.blob };
      return { type: "resource", resource: { uri, ...(mimeType ? { mime_type: mimeType } : {}), ...body } };
    }
    case "resource_link":
      return {
        type: "resource",
        resource: { uri: item.uri, ...(item.mimeType ? { mime_type: item.mimeType } : {}) },
        name: item.name,
        ...(item.description ? { description: item.description } : {}),
      };
  }
}
