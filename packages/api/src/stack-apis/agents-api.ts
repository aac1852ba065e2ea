import type {
  Agent,
  AgentCreateRequest,
  AgentCreateResponse,
  AgentPage,
  AgentPageQuery,
} from "../agents/agent.ts";
import type { AgentSession, AgentSessionCreateRequest, AgentSessionQuery } from "../agents/agent-session.ts";
import type { AgentStep } from "../agents/agent-step.ts";
import type { Turn, TurnCreateRequest, TurnResumeRequest } from "../agents/agent-turn.ts";
import type { TurnStreamChunk } from "../agents/agent-turn-event.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * The legacy agents API (`/v1/agents`), kept on top of Responses: a session is a conversation,
 * a turn one or more responses in it. Agents, sessions and turns are owner-scoped.
 */
export interface AgentsApi {
  create(request: AgentCreateRequest, call: ApiCall): Promise<AgentCreateResponse>;
  retrieve(agentId: string, call: ApiCall): Promise<Agent>;
  list(query: AgentPageQuery, call: ApiCall): Promise<AgentPage<Agent>>;
  /** Its sessions (and their conversations) go with it. */
  delete(agentId: string, call: ApiCall): Promise<void>;
  createSession(
    agentId: string,
    request: AgentSessionCreateRequest,
    call: ApiCall,
  ): Promise<{ session_id: string }>;
  retrieveSession(
    agentId: string,
    sessionId: string,
    query: AgentSessionQuery,
    call: ApiCall,
  ): Promise<AgentSession>;
  listSessions(agentId: string, query: AgentPageQuery, call: ApiCall): Promise<AgentPage<AgentSession>>;
  deleteSession(agentId: string, sessionId: string, call: ApiCall): Promise<void>;
  createTurn(agentId: string, sessionId: string, request: TurnCreateRequest, call: ApiCall): Promise<Turn>;
  /** `stream: true`: resolves once the first inference step was admitted (its errors are statuses). */
  createTurnStream(
    agentId: string,
    sessionId: string,
    request: TurnCreateRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<TurnStreamChunk>>;
  resumeTurn(
    agentId: string,
    sessionId: string,
    turnId: string,
    request: TurnResumeRequest,
    call: ApiCall,
  ): Promise<Turn>;
  resumeTurnStream(
    agentId: string,
    sessionId: string,
    turnId: string,
    request: TurnResumeRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<TurnStreamChunk>>;
  retrieveTurn(agentId: string, sessionId: string, turnId: string, call: ApiCall): Promise<Turn>;
  retrieveStep(
    agentId: string,
    sessionId: string,
    turnId: string,
    stepId: string,
    call: ApiCall,
  ): Promise<AgentStep>;
}
