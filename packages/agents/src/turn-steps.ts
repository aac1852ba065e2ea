import { randomUUID } from "node:crypto";
import type {
  AgentStep,
  AgentToolCall,
  AgentToolResponse,
  InferenceStep,
  MemoryRetrievalStep,
  ResponseOutputItem,
  SafetyViolation,
  ToolExecutionStep,
  TurnEventPayload,
} from "@llama-stack-ts/api";
import { hostedToolCall, hostedToolResponse, isHostedCall } from "./hosted-call-steps.ts";
import { itemText } from "./item-text.ts";
import {
  closedInference,
  type OpenInference,
  type OpenToolExecution,
  openToolExecution,
} from "./open-steps.ts";
import { stepComplete, stepStart, stepTime } from "./step-events.ts";

/**
 * Turns a response's output items into legacy steps, and the turn events that announce them: a
 * message or call opens an `inference` step; hosted calls, once they ran, close it and make one
 * `tool_execution` step (a batch of parallel calls is one step), except a file search, which is a
 * `memory_retrieval` step of its own (what it inserted, from which vector stores); the next
 * message opens the next inference step. Fed live from the stream or, after the fact, from the output items, so
 * a streamed turn and a stored one have the same steps.
 */
export class TurnSteps {
  readonly steps: AgentStep[];
  private inference: OpenInference | null = null;
  private toolExecution: OpenToolExecution | null = null;
  /** When each hosted call was announced, for its step's `started_at`. */
  private readonly callStarts = new Map<string, string>();
  /** Client function calls the turn stopped on. */
  readonly pendingCalls: AgentToolCall[] = [];

  constructor(
    private readonly turnId: string,
    previous: readonly AgentStep[] = [],
    /** The vector stores the turn's file search reads, named by its memory_retrieval steps. */
    private readonly memoryStores: readonly string[] = [],
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
      this.callStarts.set(item.id, stepTime());
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
    if (item.type === "file_search_call") return [...this.closeInference(), ...this.memoryRetrieval(item)];
    const events: TurnEventPayload[] = [];
    if (!this.toolExecution) {
      events.push(...this.closeInference());
      this.toolExecution = openToolExecution(this.turnId);
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
      started_at: stepTime(),
      completed_at: stepTime(),
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
      started_at: stepTime(),
      completed_at: stepTime(),
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

  private memoryRetrieval(item: ResponseOutputItem): TurnEventPayload[] {
    const step: MemoryRetrievalStep = {
      turn_id: this.turnId,
      step_id: randomUUID(),
      step_type: "memory_retrieval",
      started_at: this.callStarts.get(item.id) ?? stepTime(),
      completed_at: stepTime(),
      // A string in upstream's schema: the stores, comma-separated.
      vector_db_ids: this.memoryStores.join(","),
      inserted_context: itemText(item.results ?? []),
    };
    return this.whole(step);
  }

  private whole(step: AgentStep, metadata?: Record<string, unknown>): TurnEventPayload[] {
    this.steps.push(step);
    return [
      { ...stepStart(step.step_id, step.step_type), ...(metadata ? { metadata } : {}) },
      stepComplete(step),
    ];
  }

  private openInference(): TurnEventPayload[] {
    if (this.inference) return [];
    this.inference = { step_id: randomUUID(), started_at: stepTime(), text: "", tool_calls: [] };
    return [stepStart(this.inference.step_id, "inference")];
  }

  private closeInference(): TurnEventPayload[] {
    const open = this.inference;
    if (!open) return [];
    this.inference = null;
    const step = closedInference(this.turnId, open);
    this.steps.push(step);
    return [stepComplete(step)];
  }

  private closeToolExecution(): TurnEventPayload[] {
    const open = this.toolExecution;
    if (!open) return [];
    this.toolExecution = null;
    const step: ToolExecutionStep = { ...open, completed_at: stepTime() };
    this.steps.push(step);
    return [stepComplete(step)];
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
