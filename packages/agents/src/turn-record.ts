import type {
  AgentToolCall,
  AgentToolConfig,
  AgentToolGroup,
  ResponseObject,
  Turn,
  TurnInputMessage,
} from "@llama-stack-ts/api";
import type { TurnSteps } from "./turn-steps.ts";

/** A turn as kept: the legacy Turn, plus what a `resume` needs to go on. */
export interface TurnRecord {
  turn: Turn;
  agent_id: string;
  /** Client tool calls the turn waits on; empty once it is complete. */
  awaiting: AgentToolCall[];
  /** The turn's own tools, kept for its resumption. */
  toolgroups: AgentToolGroup[];
  tool_config: AgentToolConfig | null;
  /** The responses that ran it, oldest first. */
  response_ids: string[];
}

export interface TurnIdentity {
  turnId: string;
  sessionId: string;
  inputMessages: TurnInputMessage[];
  startedAt: string;
}

/**
 * The Turn once a response (or a shield) ended it: the last inference step's text is the
 * answer; calls of client tools leave it awaiting input (`end_of_message`).
 */
export function buildTurn(
  identity: TurnIdentity,
  steps: TurnSteps,
  response: ResponseObject | null,
  answer: string = steps.lastText(),
): Turn {
  const awaiting = steps.pendingCalls.length > 0;
  const outOfTokens =
    response?.status === "incomplete" && response.incomplete_details?.reason === "max_output_tokens";
  return {
    turn_id: identity.turnId,
    session_id: identity.sessionId,
    input_messages: identity.inputMessages,
    steps: steps.steps,
    output_message: {
      role: "assistant",
      content: answer,
      stop_reason: awaiting ? "end_of_message" : outOfTokens ? "out_of_tokens" : "end_of_turn",
      tool_calls: steps.pendingCalls,
    },
    output_attachments: [],
    started_at: identity.startedAt,
    completed_at: awaiting ? null : new Date().toISOString(),
  };
}
