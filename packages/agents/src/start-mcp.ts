import type { ApiCall, ChatMessage, ConversationItem, ToolRuntimeApi } from "@llama-stack-ts/api";
import { earlierListing, listMcpServer, mcpCallItem, mcpListingItem, runMcpCall } from "./mcp-items.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { offerMcpTool, type ResponseToolPlan } from "./response-tool-plan.ts";

export interface StartMcpOptions {
  plan: ResponseToolPlan;
  history: ConversationItem[];
  inputItems: ConversationItem[];
  toolRuntime: () => ToolRuntimeApi;
  call: ApiCall;
}

const DECLINED = "The user declined to run this tool call.";

/**
 * Before the first inference step: each MCP server's tools are listed (an `mcp_list_tools` item),
 * or taken from the listing an earlier turn made; then the calls the client answered are settled.
 * An approved call runs now, as an `mcp_call` carrying its `approval_request_id`; a declined one
 * tells the model so. Returns the messages the model reads for them.
 */
export async function* startMcp(options: StartMcpOptions): AsyncGenerator<ResponseLoopEvent, ChatMessage[]> {
  const { plan, call } = options;
  const fresh = [...plan.mcpServers.values()].filter((server) => {
    const earlier = earlierListing(options.history, server);
    for (const tool of earlier ?? []) offerMcpTool(plan, server, tool);
    return earlier === undefined;
  });
  const listings = fresh.map((server) => ({ server, started: mcpListingItem(server) }));
  for (const { started } of listings) yield { type: "tool-start", item: started };
  const listed = await Promise.all(
    listings.map(({ server, started }) => listMcpServer(server, started, options.toolRuntime(), call)),
  );
  for (const [i, { item, tools }] of listed.entries()) {
    yield { type: "tool-end", item };
    for (const tool of tools) offerMcpTool(plan, listings[i]!.server, tool);
  }

  const messages: ChatMessage[] = [];
  for (const answer of options.inputItems.filter((item) => item.type === "mcp_approval_response")) {
    const request = options.history.find(
      (item) => item.type === "mcp_approval_request" && item.id === answer.approval_request_id,
    )!;
    const server = plan.mcpServers.get(String(request.server_label))!;
    const toolCall = {
      id: String(request.id),
      type: "function" as const,
      function: { name: String(request.name), arguments: String(request.arguments) },
    };
    messages.push({ role: "assistant", content: null, tool_calls: [toolCall] });
    if (answer.approve !== true) {
      messages.push({ role: "tool", tool_call_id: toolCall.id, content: DECLINED });
      continue;
    }
    const started = mcpCallItem(server, toolCall, String(request.id));
    yield { type: "tool-start", item: started };
    const { item, result } = await runMcpCall(server, started, options.toolRuntime(), call);
    yield { type: "tool-end", item };
    messages.push({ role: "tool", tool_call_id: toolCall.id, content: result });
  }
  return messages;
}
