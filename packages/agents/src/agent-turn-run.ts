import type {
  Agent,
  AgentToolConfig,
  AgentToolGroup,
  ChatMessage,
  ConversationItemInput,
  ConversationsApi,
  ResponsesApi,
  SafetyApi,
  TurnEventPayload,
} from "@llama-stack-ts/api";
import type { AgentRecords } from "./agent-records.ts";
import type { TurnIdentity } from "./turn-record.ts";
import type { TurnSteps } from "./turn-steps.ts";

export interface AgentTurnDependencies {
  responses: () => ResponsesApi;
  conversations: () => ConversationsApi;
  safety: () => SafetyApi;
  records: AgentRecords;
}

/** One run of a turn: its start, or its resumption with the client's tool answers. */
export interface AgentTurnRun {
  agent: Agent;
  identity: TurnIdentity;
  steps: TurnSteps;
  /** Events already made (a resumed turn's client tool step). */
  prelude: TurnEventPayload[];
  input: ConversationItemInput[];
  toolgroups: AgentToolGroup[];
  toolConfig: AgentToolConfig | null;
  /** What the agent's input shields judge; none on resume. */
  shieldMessages: ChatMessage[];
  responseIds: string[];
}
