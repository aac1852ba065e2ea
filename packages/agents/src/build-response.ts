import type {
  ResponseCreateRequest,
  ResponseObject,
  ResponseOutputItem,
  ResponseStatus,
} from "@llama-stack-ts/api";

export interface BuildResponseOptions {
  id: string;
  createdAt: number;
  request: ResponseCreateRequest;
  conversationId: string | null;
  output: ResponseOutputItem[];
  status: ResponseStatus;
  incompleteReason?: string | undefined;
  error?: { code: string; message: string } | undefined;
  /** Null while the response is in progress, as OpenAI's stream shows it. */
  usage: { input_tokens: number; output_tokens: number; cached_tokens?: number | undefined } | null;
}

/** The Response object as OpenAI answers it, request parameters echoed. */
export function buildResponse(options: BuildResponseOptions): ResponseObject {
  const { request, usage } = options;
  return {
    id: options.id,
    object: "response",
    created_at: options.createdAt,
    status: options.status,
    background: request.background ?? false,
    error: options.error ?? null,
    incomplete_details: options.incompleteReason ? { reason: options.incompleteReason } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: request.max_tool_calls ?? null,
    model: request.model,
    output: options.output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    conversation: options.conversationId ? { id: options.conversationId } : null,
    prompt: request.prompt ?? null,
    store: request.store ?? true,
    temperature: request.temperature ?? null,
    top_p: request.top_p ?? null,
    text: { format: request.text?.format ?? { type: "text" } },
    tool_choice: request.tool_choice ?? "auto",
    tools: (request.tools ?? []).map(withoutSecrets),
    truncation: request.truncation ?? "disabled",
    usage: usage && {
      input_tokens: usage.input_tokens,
      input_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
      output_tokens: usage.output_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.input_tokens + usage.output_tokens,
    },
    metadata: request.metadata ?? {},
    user: request.user ?? null,
  };
}

/**
 * An `mcp` tool as echoed and stored: its `authorization` token is dropped and its header values
 * hidden (they carry keys), as OpenAI never returns them either.
 */
export function withoutSecrets(tool: NonNullable<ResponseCreateRequest["tools"]>[number]) {
  if (tool.type !== "mcp") return tool;
  const { authorization: _token, headers, ...rest } = tool;
  return {
    ...rest,
    ...(headers
      ? { headers: Object.fromEntries(Object.keys(headers).map((name) => [name, "<redacted>"])) }
      : {}),
  };
}
