import {
  type ApiCall,
  type ChatMessage,
  type ConversationItem,
  type InferenceApi,
  type ResponseCreateRequest,
  type ResponseOutputItem,
  StackError,
  type ToolCall,
  type ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { citedFiles } from "./cited-files.ts";
import { dropOldestMessage } from "./drop-oldest-message.ts";
import { outputTextMessage } from "./output-items.ts";
import { outputLogprobs } from "./output-logprobs.ts";
import { finishedItem, type ResponseLoopEvent } from "./response-loop-event.ts";
import { offeredDefinitions, type ResponseToolPlan } from "./response-tool-plan.ts";
import { type InferenceStepResult, runInferenceStep } from "./run-inference-step.ts";
import { runStepCalls } from "./run-step-calls.ts";
import { startMcp } from "./start-mcp.ts";
import { stepChatRequest } from "./step-chat-request.ts";

export const DEFAULT_MAX_INFER_ITERS = 10;

export interface ResponseLoopOptions {
  request: ResponseCreateRequest;
  messages: ChatMessage[];
  plan: ResponseToolPlan;
  /** What came before and this request's items: MCP listings to reuse and approvals to settle. */
  history?: ConversationItem[];
  inputItems?: ConversationItem[];
  inference: InferenceApi;
  toolRuntime: () => ToolRuntimeApi;
  call: ApiCall;
}

/** How the loop ended; the output is what its events finished. */
export interface ResponseLoopEnd {
  status: "completed" | "incomplete" | "failed";
  incompleteReason?: "max_output_tokens" | "max_infer_iters" | "content_filter";
  error?: { code: string; message: string };
  usage: { input_tokens: number; output_tokens: number; cached_tokens?: number };
}

export interface ResponseLoopOutcome extends ResponseLoopEnd {
  output: ResponseOutputItem[];
}

/**
 * Inference, then tools, until the model answers without calling a tool, as events (text as the
 * model writes it). Calls of client `function` tools end the loop (as `function_call` items, after
 * any hosted calls of the same step ran); hosted calls run concurrently (in order when
 * `parallel_tool_calls` is false) and their results go back to the model. Stops at
 * `max_infer_iters` steps, `max_output_tokens`, or a length cut; `max_tool_calls` counts hosted
 * calls across the response, and once spent the model is offered no more tools. A forced
 * `tool_choice` applies to the first step only. Errors before the first step is admitted are the
 * client's (thrown); later ones fail the response.
 */
export async function* responseLoop(
  options: ResponseLoopOptions,
): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  const { request, plan, call } = options;
  const messages = [...options.messages];
  const usage = { input_tokens: 0, output_tokens: 0, cached_tokens: 0 };
  const maxSteps = request.max_infer_iters ?? DEFAULT_MAX_INFER_ITERS;
  let toolCallsLeft = request.max_tool_calls ?? Number.POSITIVE_INFINITY;
  const includes = new Set(request.include ?? []);
  const citationFiles = citedFiles(options.history ?? []);
  if (plan.mcpServers.size > 0) {
    const settled = yield* startMcp({
      plan,
      history: options.history ?? [],
      inputItems: options.inputItems ?? [],
      toolRuntime: options.toolRuntime,
      call,
    });
    messages.push(...settled);
  }
  const done = (status: ResponseLoopEnd["status"], extra: Partial<ResponseLoopEnd> = {}) => ({
    status,
    usage,
    ...extra,
  });

  for (let step = 0; step < maxSteps; step++) {
    const tokensLeft =
      request.max_output_tokens == null ? undefined : request.max_output_tokens - usage.output_tokens;
    if (tokensLeft !== undefined && tokensLeft <= 0)
      return done("incomplete", { incompleteReason: "max_output_tokens" });
    const offered = offeredDefinitions(plan, request.tool_choice);
    const offerTools = offered.length > 0 && toolCallsLeft > 0;
    let stepResult: InferenceStepResult;
    for (;;) {
      const chat = stepChatRequest(request, messages, { tokensLeft, offerTools, plan, step });
      try {
        stepResult = yield* runInferenceStep(options.inference, chat, step, call, citationFiles);
        break;
      } catch (error) {
        if (!StackError.isInstance(error)) throw error;
        // `truncation: "auto"`: the oldest turns give way until the messages fit the context.
        if (
          request.truncation === "auto" &&
          error.code === "context_length_exceeded" &&
          dropOldestMessage(messages)
        )
          continue;
        // Refused before anything happened: the client's 4xx. Later, tools have run: a failed response.
        if (step === 0) throw error;
        return done("failed", { error: { code: error.code ?? "server_error", message: error.message } });
      }
    }
    if (!stepResult.ok) return done("failed", { error: stepResult.error });
    const { completion, messageId } = stepResult;
    usage.input_tokens += completion.usage?.prompt_tokens ?? 0;
    usage.output_tokens += completion.usage?.completion_tokens ?? 0;
    usage.cached_tokens += completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
    const choice0 = completion.choices[0];
    const message = choice0?.message;
    const text = typeof message?.content === "string" ? message.content : "";
    const toolCalls: ToolCall[] = offerTools ? (message?.tool_calls ?? []) : [];
    if (text !== "") {
      const logprobs = includes.has("message.output_text.logprobs") ? outputLogprobs(choice0?.logprobs) : [];
      yield {
        type: "text-end",
        item: outputTextMessage(stepResult.shownText, messageId, stepResult.annotations, logprobs),
      };
    }
    if (choice0?.finish_reason === "length")
      return done("incomplete", { incompleteReason: "max_output_tokens" });
    if (choice0?.finish_reason === "content_filter")
      return done("incomplete", { incompleteReason: "content_filter" });
    if (toolCalls.length === 0) return done("completed");

    const calls = yield* runStepCalls({
      calls: toolCalls,
      text,
      plan,
      offered: new Set(offered.map((d) => d.function.name)),
      citationFiles,
      callsLeft: toolCallsLeft,
      parallel: request.parallel_tool_calls !== false,
      toolRuntime: options.toolRuntime,
      call,
    });
    toolCallsLeft -= calls.made;
    messages.push(...calls.messages);
    if (calls.stop) return done("completed");
  }
  return done("incomplete", { incompleteReason: "max_infer_iters" });
}

/** Drains events into the finished output items and the loop's end. */
export async function collectResponse(
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>,
): Promise<ResponseLoopOutcome> {
  const output: ResponseOutputItem[] = [];
  let next = await events.next();
  while (!next.done) {
    const item = finishedItem(next.value);
    if (item) output.push(item);
    next = await events.next();
  }
  return { ...next.value, output };
}

/** The loop without streaming: its finished items, in order. */
export function runResponseLoop(options: ResponseLoopOptions): Promise<ResponseLoopOutcome> {
  return collectResponse(responseLoop(options));
}
