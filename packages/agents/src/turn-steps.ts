import { randomUUID } from "node:crypto";
import type {
  AgentStep,
  AgentToolCall,
  AgentToolResponse,
  InferenceStep,
  ResponseOutputItem,
  SafetyViolation,
  ToolExecutionStep,
  TurnEventPayload,
} from "@llama-stack-ts/api";
import { itemText } from "./item-text.ts";

const HOSTED_CALLS = new Set(["code_interpreter_call", "file_search_call", "web_search_call", "mcp_call"]);

/** Whether an output item is a call the server ran (code interpreter, file or web search). */
export const isHostedCall = (item: ResponseOutputItem) => HOSTED_CALLS.has(item.type);

type OpenInference = { step_id: string; started_at: string; text: string; tool_calls: AgentToolCall[] };
type OpenToolExecution = {
  turn_id: string;
  step_id: string;
  step_type: "tool_execution";
  started_at: string;
  tool_calls: AgentToolCall[];
  tool_responses: AgentToolResponse[];
};

/**
 * Turns a response's output items into legacy steps, and the turn events that announce them: a
 * message or call opens an `inference` step; hosted calls, once they ran, close it and make one
 * `tool_execution` step (a batch of parallel calls is one step); the next message opens the
 * next inference step. Fed live from the stream or, after the fact, from the output items, so
 * a streamed turn and a stored one have the same steps.
 */
export class TurnSteps {
  readonly steps: AgentStep[];
  private inference: OpenInference | null = null;
  private toolExecution: OpenToolExecution | null = null;
  /** Client function calls the turn stopped on. */
  readonly pendingCalls: AgentToolCall[] = [];

  constructor(
    private readonly turnId: string,
    previous: readonly AgentStep[] = [],
  ) {
    this.steps = [...previous];
  }

  /** An item started (`output_item.added`). */
  added(item: ResponseOutputItem): TurnEventPayload[] {
    const events: TurnEventPayload[] = [];
    if (!isHostedCall(item) || this.toolExecution) events.push(...this.closeToolExecution());
    events.push(...this.openInference());
    if (isHostedCall(item)) {
      const call = hostedToolCall(item);
      this.inference!.tool_calls.push(call);
      events.push(this.toolCallProgress(call));
    }
    return events;
  }

  /** Text streamed into the open inference step. */
  textDelta(text: string): TurnEventPayload[] {
    if (!this.inference || text === "") return [];
    return [
      {
        event_type: "step_progress",
        step_id: this.inference.step_id,
        step_type: "inference",
        delta: { type: "text", text },
      },
    ];
  }

  /** An item finished (`output_item.done`). */
  done(item: ResponseOutputItem): TurnEventPayload[] {
    if (item.type === "message") {
      if (this.inference) this.inference.text += itemText(item.content);
      return [];
    }
    if (item.type === "function_call") {
      const call: AgentToolCall = {
        call_id: String(item.call_id),
        tool_name: String(item.name),
        arguments: String(item.arguments ?? "{}"),
      };
      this.pendingCalls.push(call);
      const events = this.openInference();
      this.inference!.tool_calls.push(call);
      return [...events, this.toolCallProgress(call)];
    }
    if (!isHostedCall(item)) return [];
    const events: TurnEventPayload[] = [];
    if (!this.toolExecution) {
      events.push(...this.closeInference());
      this.toolExecution = {
        turn_id: this.turnId,
        step_id: randomUUID(),
        step_type: "tool_execution",
        started_at: now(),
        tool_calls: [],
        tool_responses: [],
      };
      events.push(stepStart(this.toolExecution.step_id, "tool_execution"));
    }
    const call = hostedToolCall(item);
    this.toolExecution.tool_calls.push(call);
    this.toolExecution.tool_responses.push(hostedToolResponse(item, call));
    return events;
  }

  /** The response ended: close what is open. */
  finish(): TurnEventPayload[] {
    return [...this.closeToolExecution(), ...this.closeInference()];
  }

  /** The client's answers to the calls the turn waited on: one tool_execution step, whole. */
  clientToolExecution(calls: AgentToolCall[], responses: AgentToolResponse[]): TurnEventPayload[] {
    const step: ToolExecutionStep = {
      turn_id: this.turnId,
      step_id: randomUUID(),
      step_type: "tool_execution",
      started_at: now(),
      completed_at: now(),
      tool_calls: calls,
      tool_responses: responses,
    };
    return this.whole(step);
  }

  /** A shield's verdict (null: passed) as one shield_call step, whole. */
  shieldCall(
    violation: SafetyViolation | null,
    touchpoint: "user-input" | "assistant-output",
  ): TurnEventPayload[] {
    const step: AgentStep = {
      turn_id: this.turnId,
      step_id: randomUUID(),
      step_type: "shield_call",
      started_at: now(),
      completed_at: now(),
      violation,
    };
    return this.whole(step, { touchpoint });
  }

  /** The text of the last inference step: the turn's answer. */
  lastText(): string {
    const last = this.steps.findLast((step): step is InferenceStep => step.step_type === "inference");
    return last ? String(last.model_response.content) : "";
  }

  /** Replaces the answer's text (an output shield refused it). */
  replaceLastText(text: string): void {
    const last = this.steps.findLast((step): step is InferenceStep => step.step_type === "inference");
    if (last) last.model_response = { ...last.model_response, content: text };
  }

  private whole(step: AgentStep, metadata?: Record<string, unknown>): TurnEventPayload[] {
    this.steps.push(step);
    return [
      { ...stepStart(step.step_id, step.step_type), ...(metadata ? { metadata } : {}) },
      { event_type: "step_complete", step_id: step.step_id, step_type: step.step_type, step_details: step },
    ];
  }

  private openInference(): TurnEventPayload[] {
    if (this.inference) return [];
    this.inference = { step_id: randomUUID(), started_at: now(), text: "", tool_calls: [] };
    return [stepStart(this.inference.step_id, "inference")];
  }

  private closeInference(): TurnEventPayload[] {
    const open = this.inference;
    if (!open) return [];
    this.inference = null;
    const step: InferenceStep = {
      turn_id: this.turnId,
      step_id: open.step_id,
      step_type: "inference",
      started_at: open.started_at,
      completed_at: now(),
      model_response: {
        role: "assistant",
        content: open.text,
        stop_reason: open.tool_calls.length ? "end_of_message" : "end_of_turn",
        tool_calls: open.tool_calls,
      },
    };
    this.steps.push(step);
    return [
      { event_type: "step_complete", step_id: step.step_id, step_type: "inference", step_details: step },
    ];
  }

  private closeToolExecution(): TurnEventPayload[] {
    const open = this.toolExecution;
    if (!open) return [];
    this.toolExecution = null;
    const step: ToolExecutionStep = { ...open, completed_at: now() };
    this.steps.push(step);
    return [
      { event_type: "step_complete", step_id: step.step_id, step_type: "tool_execution", step_details: step },
    ];
  }

  private toolCallProgress(call: AgentToolCall): TurnEventPayload {
    return {
      event_type: "step_progress",
      step_id: this.inference!.step_id,
      step_type: "inference",
      delta: { type: "tool_call", tool_call: call, parse_status: "succeeded" },
    };
  }
}

/**
 * Feeds a finished response's output in stream order: a batch of hosted calls is announced
 * before any of them is done, as the loop streams it.
 */
export function feedOutput(steps: TurnSteps, output: readonly ResponseOutputItem[]): TurnEventPayload[] {
  const events: TurnEventPayload[] = [];
  for (let index = 0; index < output.length; ) {
    let end = index + 1;
    if (isHostedCall(output[index]!)) while (end < output.length && isHostedCall(output[end]!)) end++;
    const batch = output.slice(index, end);
    for (const item of batch) {
      events.push(...steps.added(item));
      if (item.type === "message") events.push(...steps.textDelta(itemText(item.content)));
    }
    for (const item of batch) events.push(...steps.done(item));
    index = end;
  }
  events.push(...steps.finish());
  return events;
}

function stepStart(stepId: string, stepType: AgentStep["step_type"]): TurnEventPayload {
  return { event_type: "step_start", step_id: stepId, step_type: stepType };
}

function hostedToolCall(item: ResponseOutputItem): AgentToolCall {
  if (item.type === "mcp_call")
    return { call_id: item.id, tool_name: String(item.name), arguments: String(item.arguments ?? "{}") };
  const name = item.type.replace(/_call$/, "");
  const args =
    item.type === "code_interpreter_call"
      ? { code: item.code ?? "" }
      : item.type === "file_search_call"
        ? { query: (item.queries as string[] | undefined)?.[0] ?? "" }
        : { query: (item.action as { query?: string } | undefined)?.query ?? "" };
  return { call_id: item.id, tool_name: name, arguments: JSON.stringify(args) };
}

function hostedToolResponse(item: ResponseOutputItem, call: AgentToolCall): AgentToolResponse {
  const content =
    item.type === "mcp_call"
      ? String(item.output ?? item.error ?? "")
      : item.type === "code_interpreter_call"
        ? itemText(item.outputs ?? [])
        : item.type === "file_search_call"
          ? itemText(item.results ?? [])
          : String(item.status ?? "");
  return {
    call_id: call.call_id,
    tool_name: call.tool_name,
    content,
    metadata: { status: item.status ?? null },
  };
}

function now(): string {
  return new Date().toISOString();
}
