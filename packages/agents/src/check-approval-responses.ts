import { type ConversationItem, InvalidRequestError } from "@llama-stack-ts/api";
import type { ResponseToolPlan } from "./response-tool-plan.ts";

/**
 * Every `mcp_approval_response` must answer an `mcp_approval_request` of the history, not yet
 * answered, of a server this request still names among its `mcp` tools (its call runs now).
 */
export function checkApprovalResponses(
  history: ConversationItem[],
  input: ConversationItem[],
  plan: ResponseToolPlan,
): void {
  const answered = new Set(
    history.filter((item) => item.type === "mcp_approval_response").map((item) => item.approval_request_id),
  );
  for (const answer of input.filter((item) => item.type === "mcp_approval_response")) {
    const id = String(answer.approval_request_id ?? "");
    const request = history.find((item) => item.type === "mcp_approval_request" && item.id === id);
    if (!request || answered.has(id)) {
      throw new InvalidRequestError(
        `No pending MCP approval request with id '${id}'. Continue the response that asked (previous_response_id or conversation).`,
        { param: "input", code: "no_pending_approval_request" },
      );
    }
    if (!plan.mcpServers.has(String(request.server_label))) {
      throw new InvalidRequestError(
        `Approval request '${id}' is for MCP server '${String(request.server_label)}', which this request's tools do not name.`,
        { param: "tools", code: "mcp_server_missing" },
      );
    }
    answered.add(id);
  }
}
