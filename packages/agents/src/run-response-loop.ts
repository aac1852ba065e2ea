import {
  type ApiCall,
  type ChatCompletionRequest,
  type ChatMessage,
  type InferenceApi,
  type ResponseCreateRequest,
  type ResponseOutputItem,
  StackError,
  type ToolCall,
  type ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { functionCallItem, outputTextMessage } from "./output-items.ts";
import { chatToolChoice, type ResponseToolPlan } from "./response-tool-plan.ts";
import { runServerTool } from "./run-server-tool.ts";

export const DEFAULT_MAX_INFER_ITERS = 10;

export interface ResponseLoopOptions {
  request: ResponseCreateRequest;
  messages: ChatMessage[];
  plan: ResponseToolPlan;
  inference: InferenceApi;
  toolRuntime: () => ToolRuntimeApi;
  call: ApiCall;
}

export interface ResponseLoopOutcome {
  output: ResponseOutputItem[];
  status: "completed" | "incomplete" | "failed";
  incompleteReason?: "max_output_tokens" | "max_infer_iters" | "content_filter";
  error?: { code: string; message: string };
  usage: { input_tokens: number; output_tokens: number };
}

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
 * Inference, then tools, until the model answers without calling a tool. Calls of client
 * `function` tools end the loop (returned as `function_call` items, after any hosted calls of the
 * same step ran); hosted calls run concurrently (in order when `parallel_tool_calls` is false) and
 * their results go back to the model. Stops at `max_infer_iters` steps, `max_output_tokens`, or
 * a length cut; `max_tool_calls` counts hosted calls across the response, and once spent the model
 * is offered no more tools. A forced `tool_choice` applies to the first step only.
 */
export async function runResponseLoop(options: ResponseLoopOptions): Promise<ResponseLoopOutcome> {
  const { request, plan, call } = options;
  const messages = [...options.messages];
  const output: ResponseOutputItem[] = [];
  const usage = { input_tokens: 0, output_tokens: 0 };
  const maxSteps = request.max_infer_iters ?? DEFAULT_MAX_INFER_ITERS;
  let toolCallsLeft = request.max_tool_calls ?? Number.POSITIVE_INFINITY;
  const done = (status: ResponseLoopOutcome["status"], extra: Partial<ResponseLoopOutcome> = {}) => ({
    output,
    status,
    usage,
    ...extra,
  });

  for (let step = 0; step < maxSteps; step++) {
    const tokensLeft =
      request.max_output_tokens == null ? undefined : request.max_output_tokens - usage.output_tokens;
    if (tokensLeft !== undefined && tokensLeft <= 0)
      return done("incomplete", { incompleteReason: "max_output_tokens" });
    const offerTools = plan.definitions.length > 0 && toolCallsLeft > 0;
    const choice = step === 0 ? chatToolChoice(request.tool_choice) : "auto";
    let completion: Awaited<ReturnType<InferenceApi["chatCompletion"]>>;
    try {
      completion = await options.inference.chatCompletion(
        {
          model: request.model,
          messages,
          store: false,
          ...(request.temperature != null ? { temperature: request.temperature } : {}),
          ...(request.top_p != null ? { top_p: request.top_p } : {}),
          ...(tokensLeft !== undefined ? { max_tokens: tokensLeft } : {}),
          ...(offerTools ? { tools: plan.definitions } : {}),
          ...(offerTools && choice !== undefined ? { tool_choice: choice } : {}),
          ...(offerTools && request.parallel_tool_calls != null
            ? { parallel_tool_calls: request.parallel_tool_calls }
            : {}),
          ...(responseFormat(request) ? { response_format: responseFormat(request) } : {}),
        },
        call,
      );
    } catch (error) {
      // A bad request (unknown model, bad parameters) is the client's 4xx; anything later is a failed response.
      if (step === 0 || !StackError.isInstance(error)) throw error;
      return done("failed", { error: { code: "server_error", message: error.message } });
    }
    usage.input_tokens += completion.usage?.prompt_tokens ?? 0;
    usage.output_tokens += completion.usage?.completion_tokens ?? 0;
    const choice0 = completion.choices[0];
    const message = choice0?.message;
    const text = typeof message?.content === "string" ? message.content : "";
    const toolCalls: ToolCall[] = offerTools ? (message?.tool_calls ?? []) : [];
    if (text !== "") output.push(outputTextMessage(text));
    if (choice0?.finish_reason === "length")
      return done("incomplete", { incompleteReason: "max_output_tokens" });
    if (choice0?.finish_reason === "content_filter")
      return done("incomplete", { incompleteReason: "content_filter" });
    if (toolCalls.length === 0) return done("completed");

    const hosted = toolCalls.filter((c) => plan.serverTools.has(c.function.name)).slice(0, toolCallsLeft);
    toolCallsLeft -= hosted.length;
    const clientCalls = toolCalls.filter((c) => !plan.serverTools.has(c.function.name));
    const run = (c: ToolCall) =>
      runServerTool(plan.serverTools.get(c.function.name)!, c, options.toolRuntime(), call);
    const outcomes =
      request.parallel_tool_calls === false
        ? await hosted.reduce<Promise<Awaited<ReturnType<typeof run>>[]>>(
            async (acc, c) => [...(await acc), await run(c)],
            Promise.resolve([]),
          )
        : await Promise.all(hosted.map(run));
    if (hosted.length > 0) {
      messages.push({ role: "assistant", content: text || null, tool_calls: hosted });
      hosted.forEach((c, i) => {
        output.push(outcomes[i]!.item);
        messages.push({ role: "tool", tool_call_id: c.id, content: outcomes[i]!.result });
      });
    }
    if (clientCalls.length > 0) {
      output.push(...clientCalls.map(functionCallItem));
      return done("completed");
    }
  }
  return done("incomplete", { incompleteReason: "max_infer_iters" });
}
