import {
  type ApiCall,
  type ChatMessage,
  type ConversationItem,
  type ConversationsApi,
  InvalidRequestError,
  NotFoundError,
  type PromptsApi,
  type ResponseCreateRequest,
  type ToolGroupsApi,
} from "@llama-stack-ts/api";
import { checkApprovalResponses } from "./check-approval-responses.ts";
import { itemsToMessages } from "./items-to-messages.ts";
import { resolveMcpServers } from "./resolve-mcp-servers.ts";
import { planResponseTools, type ResponseToolPlan } from "./response-tool-plan.ts";
import type { ResponsesStorage } from "./responses-storage.ts";
import { toInputItems } from "./to-input-items.ts";

export interface PreparedResponse {
  /** What came before: a conversation's items, or the previous response's input and output. */
  history: ConversationItem[];
  /** This request's own items. */
  inputItems: ConversationItem[];
  conversationId: string | null;
  /** The model's messages: instructions (a stored prompt's text first), history, input. */
  messages: ChatMessage[];
  plan: ResponseToolPlan;
}

export interface PrepareDependencies {
  storage: ResponsesStorage;
  conversations: () => ConversationsApi;
  prompts: () => PromptsApi;
  toolGroups: () => ToolGroupsApi;
}

/** The 400s and 404s a request earns before any inference, and the messages the model reads. */
export async function prepareResponse(
  request: ResponseCreateRequest,
  dependencies: PrepareDependencies,
  call: ApiCall,
): Promise<PreparedResponse> {
  const conversationId =
    request.conversation == null
      ? null
      : typeof request.conversation === "string"
        ? request.conversation
        : request.conversation.id;
  if (conversationId !== null && request.previous_response_id != null) {
    throw new InvalidRequestError(
      "Mutually exclusive parameters: 'previous_response_id' and 'conversation'. Ensure you are only providing one of these parameters.",
      { param: "conversation", code: "mutually_exclusive_parameters" },
    );
  }
  const plan = planResponseTools(request.tools ?? []);
  await resolveMcpServers(plan, dependencies.toolGroups, call);
  let history: ConversationItem[] = [];
  if (request.previous_response_id != null) {
    const previous = await dependencies.storage.find(request.previous_response_id, call.access);
    if (!previous) {
      throw new NotFoundError(
        "Response",
        request.previous_response_id,
        "Responses created with store: false cannot be continued.",
        { param: "previous_response_id" },
      );
    }
    history = [...previous.inputItems, ...(previous.response.output as ConversationItem[])];
  } else if (conversationId !== null) {
    history = await dependencies.conversations().readItems(conversationId, call);
  }
  const inputItems = toInputItems(request.input);
  checkFunctionOutputs(history, inputItems);
  checkApprovalResponses(history, inputItems, plan);

  const system: ChatMessage[] = [];
  if (request.prompt) {
    const version = request.prompt.version == null ? undefined : Number(request.prompt.version);
    const rendered = await dependencies
      .prompts()
      .render(request.prompt.id, version, request.prompt.variables ?? {}, call);
    system.push({ role: "system", content: rendered });
  }
  if (request.instructions) system.push({ role: "system", content: request.instructions });
  const messages = [...system, ...itemsToMessages([...history, ...inputItems])];
  if (messages.length === 0) {
    throw new InvalidRequestError("Give the model something to answer: input, instructions or a prompt.", {
      param: "input",
      code: "empty_input",
    });
  }
  return { history, inputItems, conversationId, messages, plan };
}

/** Every `function_call_output` must answer a `function_call` of the history or the input. */
function checkFunctionOutputs(history: ConversationItem[], input: ConversationItem[]): void {
  const calls = new Set(
    [...history, ...input]
      .filter((item) => item.type === "function_call")
      .map((item) => String(item.call_id)),
  );
  const orphan = input.find(
    (item) => item.type === "function_call_output" && !calls.has(String(item.call_id)),
  );
  if (orphan) {
    throw new InvalidRequestError(
      `No tool call found for function call output with call_id ${String(orphan.call_id)}. Continue the response that made the call (previous_response_id or conversation).`,
      { param: "input", code: "no_pending_function_call" },
    );
  }
}
