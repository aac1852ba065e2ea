import type { AgentStep, TurnEventPayload } from "@llama-stack-ts/api";

export function stepStart(stepId: string, stepType: AgentStep["step_type"]): TurnEventPayload {
  return { event_type: "step_start", step_id: stepId, step_type: stepType };
}

export function stepComplete(step: AgentStep): TurnEventPayload {
  return {
    event_type: "step_complete",
    step_id: step.step_id,
    step_type: step.step_type,
    step_details: step,
  };
}

/** A step's start or completion time. */
export function stepTime(): string {
  return new Date().toISOString();
}
