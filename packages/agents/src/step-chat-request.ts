import type { ChatCompletionRequest, ChatMessage, ResponseCreateRequest } from "@llama-stack-ts/api";
import { chatToolChoice, offeredDefinitions, type ResponseToolPlan } from "./response-tool-plan.ts";

/** `text.format` as the chat request's `response_format`. */
function responseFormat(request: ResponseCreateRequest): ChatCompletionRequest["response_format"] {
  const format = request.text?.format;
  if (!format || format.type === "text") return undefined;
  if (format.type === "json_object") return { type: "json_object" };
  return {
    type: "json_schema",
    json_schema: {
      name: format.name,
      schema: format.schema,
      ...(format.strict != null ? { strict: format.strict } : {}),
    },
  };
}

/**
 * The chat completion one inference step asks for: the request's sampling, the tokens left of
 * `max_output_tokens`, the tools offered (a forced `tool_choice` on the first step only), the
 * text format as `response_format`, and logprobs when `include` asks for them.
 */
export function stepChatRequest(
  request: ResponseCreateRequest,
  messages: ChatMessage[],
  options: { tokensLeft: number | undefined; offerTools: boolean; plan: ResponseToolPlan; step: number },
): ChatCompletionRequest {
  const { tokensLeft, offerTools } = options;
  const choice = options.step === 0 ? chatToolChoice(request.tool_choice) : "auto";
  return {
    model: request.model,
    messages,
    store: false,
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { top_p: request.top_p } : {}),
    ...(tokensLeft !== undefined ? { max_tokens: tokensLeft } : {}),
    ...(offerTools ? { tools: offeredDefinitions(options.plan, request.tool_choice) } : {}),
    ...(offerTools && choice !== undefined ? { tool_choice: choice } : {}),
    ...(offerTools && request.parallel_tool_calls != null
      ? { parallel_tool_calls: request.parallel_tool_calls }
      : {}),
    ...(responseFormat(request) ? { response_format: responseFormat(request) } : {}),
    ...(request.include?.includes("message.output_text.logprobs")
      ? { logprobs: true, ...(request.top_logprobs != null ? { top_logprobs: request.top_logprobs } : {}) }
      : {}),
  };
}
