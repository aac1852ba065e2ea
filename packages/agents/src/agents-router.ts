import { randomUUID } from "node:crypto";
import {
  type Agent,
  type AgentCreateRequest,
  type AgentCreateResponse,
  type AgentPage,
  type AgentPageQuery,
  type AgentSession,
  type AgentSessionCreateRequest,
  type AgentSessionQuery,
  type AgentStep,
  type AgentsApi,
  type ApiCall,
  InvalidRequestError,
  NotFoundError,
  type StackApiName,
  type StackApis,
  StackError,
  type Turn,
  type TurnCreateRequest,
  type TurnResumeRequest,
  type TurnStreamChunk,
} from "@llama-stack-ts/api";
import { AGENTS_PARENT, type AgentRecords } from "./agent-records.ts";
import { agentResponseRequest } from "./agent-response-request.ts";
import { resolveMcpServers } from "./resolve-mcp-servers.ts";
import { planResponseTools } from "./response-tool-plan.ts";
import { type AgentTurnDependencies, completeAgentTurn, streamAgentTurn } from "./run-agent-turn.ts";
import { turnRuns } from "./turn-runs.ts";

/** The Stack's routers as the agents layer reaches them (core's `StackRouters`). */
export interface AgentsRouterLookup {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  require<K extends StackApiName>(name: K): StackApis[K];
}

interface SessionRecord {
  session_id: string;
  session_name: string;
  agent_id: string;
  started_at: string;
}

/**
 * `/v1/agents`, upstream's legacy agents on top of Responses: an agent is a stored config, a
 * session a conversation (its metadata names the agent), a turn one response in that
 * conversation, or several when client tools pause it and `resume` answers them.
 */
export class AgentsRouter implements AgentsApi {
  private readonly dependencies: AgentTurnDependencies;

  constructor(
    private readonly routers: AgentsRouterLookup,
    private readonly records: AgentRecords,
  ) {
    this.dependencies = {
      responses: () => routers.require("responses"),
      conversations: () => routers.require("conversations"),
      safety: () => routers.require("safety"),
      records,
    };
  }

  async create(request: AgentCreateRequest, call: ApiCall): Promise<AgentCreateResponse> {
    // The tools are checked now, so a config no turn could run is a 400 here, not at every turn.
    const checked = agentResponseRequest(request.agent_config, { input: [], conversationId: null });
    await resolveMcpServers(
      planResponseTools(checked.tools ?? []),
      () => this.routers.require("tool_groups"),
      call,
    );
    const agent: Agent = {
      agent_id: randomUUID(),
      agent_config: request.agent_config,
      created_at: new Date().toISOString(),
    };
    await this.records.put("agent", agent.agent_id, AGENTS_PARENT, agent, call.access);
    return { agent_id: agent.agent_id };
  }

  async retrieve(agentId: string, call: ApiCall): Promise<Agent> {
    const agent = await this.records.get("agent", agentId, call.access);
    if (!agent) throw new NotFoundError("Agent", agentId, "List agents with GET /v1/agents.");
    return agent as Agent;
  }

  async list(query: AgentPageQuery, call: ApiCall): Promise<AgentPage<Agent>> {
    return page((await this.records.list("agent", AGENTS_PARENT, call.access)) as Agent[], query);
  }

  async delete(agentId: string, call: ApiCall): Promise<void> {
    await this.retrieve(agentId, call);
    for (const session of await this.sessionRecords(agentId, call)) {
      await this.deleteSession(agentId, session.session_id, call);
    }
    await this.records.delete("agent", agentId, call.access);
  }

  async createSession(
    agentId: string,
    request: AgentSessionCreateRequest,
    call: ApiCall,
  ): Promise<{ session_id: string }> {
    await this.retrieve(agentId, call);
    const conversation = await this.routers
      .require("conversations")
      .create({ metadata: { agent_id: agentId, session_name: request.session_name } }, call);
    const session: SessionRecord = {
      session_id: conversation.id,
      session_name: request.session_name,
      agent_id: agentId,
      started_at: new Date(conversation.created_at * 1000).toISOString(),
    };
    await this.records.put("agent_session", session.session_id, agentId, { ...session }, call.access);
    return { session_id: session.session_id };
  }

  async retrieveSession(
    agentId: string,
    sessionId: string,
    query: AgentSessionQuery,
    call: ApiCall,
  ): Promise<AgentSession> {
    const session = await this.session(agentId, sessionId, call);
    const turns = await this.turns(sessionId, call);
    const wanted = query.turn_ids?.length ? new Set(query.turn_ids) : null;
    return { ...session, turns: wanted ? turns.filter((turn) => wanted.has(turn.turn_id)) : turns };
  }

  async listSessions(
    agentId: string,
    query: AgentPageQuery,
    call: ApiCall,
  ): Promise<AgentPage<AgentSession>> {
    await this.retrieve(agentId, call);
    const sessions = page(await this.sessionRecords(agentId, call), query);
    const data = await Promise.all(
      sessions.data.map(async (session) => ({
        ...session,
        turns: await this.turns(session.session_id, call),
      })),
    );
    return { data, has_more: sessions.has_more };
  }

  async deleteSession(agentId: string, sessionId: string, call: ApiCall): Promise<void> {
    await this.session(agentId, sessionId, call);
    for (const turn of await this.turns(sessionId, call)) {
      await this.records.delete("agent_turn", turn.turn_id, call.access);
    }
    try {
      await this.routers.require("conversations").delete(sessionId, call);
    } catch (error) {
      // Deleted through /v1/conversations already: the session goes all the same.
      if (!(StackError.isInstance(error) && error.kind === "not_found")) throw error;
    }
    await this.records.delete("agent_session", sessionId, call.access);
  }

  async createTurn(
    agentId: string,
    sessionId: string,
    request: TurnCreateRequest,
    call: ApiCall,
  ): Promise<Turn> {
    const run = await this.runs(agentId, sessionId, call).start(request);
    return (await completeAgentTurn(run, this.dependencies, call)).turn;
  }

  async createTurnStream(
    agentId: string,
    sessionId: string,
    request: TurnCreateRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<TurnStreamChunk>> {
    const run = await this.runs(agentId, sessionId, call).start(request);
    return streamAgentTurn(run, this.dependencies, call);
  }

  async resumeTurn(
    agentId: string,
    sessionId: string,
    turnId: string,
    request: TurnResumeRequest,
    call: ApiCall,
  ): Promise<Turn> {
    const run = await this.runs(agentId, sessionId, call).resume(turnId, request);
    return (await completeAgentTurn(run, this.dependencies, call)).turn;
  }

  async resumeTurnStream(
    agentId: string,
    sessionId: string,
    turnId: string,
    request: TurnResumeRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<TurnStreamChunk>> {
    const run = await this.runs(agentId, sessionId, call).resume(turnId, request);
    return streamAgentTurn(run, this.dependencies, call);
  }

  async retrieveTurn(agentId: string, sessionId: string, turnId: string, call: ApiCall): Promise<Turn> {
    await this.session(agentId, sessionId, call);
    const record = await this.records.get("agent_turn", turnId, call.access);
    if (!record || (record.turn as Turn).session_id !== sessionId) throw new NotFoundError("Turn", turnId);
    return record.turn as Turn;
  }

  async retrieveStep(
    agentId: string,
    sessionId: string,
    turnId: string,
    stepId: string,
    call: ApiCall,
  ): Promise<AgentStep> {
    const turn = await this.retrieveTurn(agentId, sessionId, turnId, call);
    const step = turn.steps.find((s) => s.step_id === stepId);
    if (!step) throw new NotFoundError("Step", stepId);
    return step;
  }

  private runs(agentId: string, sessionId: string, call: ApiCall) {
    return turnRuns({
      agent: () => this.retrieve(agentId, call),
      session: () => this.session(agentId, sessionId, call),
      records: this.records,
      sessionId,
      call,
    });
  }

  /** The agent's session, or a 404 (another agent's session too). */
  private async session(agentId: string, sessionId: string, call: ApiCall): Promise<SessionRecord> {
    await this.retrieve(agentId, call);
    const session = (await this.records.get("agent_session", sessionId, call.access)) as
      | SessionRecord
      | undefined;
    if (!session || session.agent_id !== agentId) throw new NotFoundError("Session", sessionId);
    return session;
  }

  private async sessionRecords(agentId: string, call: ApiCall): Promise<SessionRecord[]> {
    return (await this.records.list("agent_session", agentId, call.access)) as unknown as SessionRecord[];
  }

  private async turns(sessionId: string, call: ApiCall): Promise<Turn[]> {
    return (await this.records.list("agent_turn", sessionId, call.access)).map(
      (record) => record.turn as Turn,
    );
  }
}

function page<T>(items: T[], query: AgentPageQuery): AgentPage<T> {
  const start = query.start_index ?? 0;
  if (start > items.length) {
    throw new InvalidRequestError(`start_index ${start} is past the last of ${items.length}.`, {
      param: "start_index",
    });
  }
  const end = query.limit === undefined ? items.length : start + query.limit;
  return { data: items.slice(start, end), has_more: end < items.length };
}
