import { randomUUID } from "node:crypto";
import type { AgentToolCall, AgentToolResponse, InferenceStep } from "@llama-stack-ts/api";
import { stepTime } from "./step-events.ts";

/** An inference step still taking text and calls. */
export type OpenInference = {
  step_id: string;
  started_at: string;
  text: string;
  tool_calls: AgentToolCall[];
};

/** A tool_execution step still taking hosted calls (a batch of parallel calls is one step). */
export type OpenToolExecution = {
  turn_id: string;
  step_id: string;
  step_type: "tool_execution";
  started_at: string;
  tool_calls: AgentToolCall[];
  tool_responses: AgentToolResponse[];
};

export function openToolExecution(turnId: string): OpenToolExecution {
  return {
    turn_id: turnId,
    step_id: randomUUID(),
    step_type: "tool_execution",
    started_at: stepTime(),
    tool_calls: [],
    tool_responses: [],
  };
}

/** The finished inference step: calls in it end the message, not the turn. */
export function closedInference(turnId: string, open: OpenInference): InferenceStep {
  return {
    turn_id: turnId,
    step_id: open.step_id,
    step_type: "inference",
    started_at: open.started_at,
    completed_at: stepTime(),
    model_response: {
      role: "assistant",
      content: open.text,
      stop_reason: open.tool_calls.length ? "end_of_message" : "end_of_turn",
      tool_calls: open.tool_calls,
    },
  };
}
