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
  NotFoundError,
  type StackApiName,
  type StackApis,
  type Turn,
  type TurnCreateRequest,
  type TurnResumeRequest,
  type TurnStreamChunk,
} from "@llama-stack-ts/api";
import { agentPage } from "./agent-page.ts";
import { AGENTS_PARENT, type AgentRecords } from "./agent-records.ts";
import { agentResponseRequest } from "./agent-response-request.ts";
import { AgentSessions } from "./agent-sessions.ts";
import type { AgentTurnDependencies } from "./agent-turn-run.ts";
import { resolveMcpServers } from "./resolve-mcp-servers.ts";
import { planResponseTools } from "./response-tool-plan.ts";
import { completeAgentTurn, streamAgentTurn } from "./run-agent-turn.ts";
import { turnRuns } from "./turn-runs.ts";

/** The Stack's routers as the agents layer reaches them (core's `StackRouters`). */
export interface AgentsRouterLookup {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  require<K extends StackApiName>(name: K): StackApis[K];
}

/**
 * `/v1/agents`, upstream's legacy agents on top of Responses: an agent is a stored config, a
 * session a conversation (its metadata names the agent), a turn one response in that
 * conversation, or several when client tools pause it and `resume` answers them.
 */
export class AgentsRouter implements AgentsApi {
  private readonly dependencies: AgentTurnDependencies;
  private readonly sessions: AgentSessions;

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
    this.sessions = new AgentSessions({
      agent: (agentId, call) => this.retrieve(agentId, call),
      conversations: this.dependencies.conversations,
      records,
    });
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
    return agentPage((await this.records.list("agent", AGENTS_PARENT, call.access)) as Agent[], query);
  }

  async delete(agentId: string, call: ApiCall): Promise<void> {
    await this.retrieve(agentId, call);
    for (const session of await this.sessions.sessionRecords(agentId, call)) {
      await this.deleteSession(agentId, session.session_id, call);
    }
    await this.records.delete("agent", agentId, call.access);
  }

  async createSession(
    agentId: string,
    request: AgentSessionCreateRequest,
    call: ApiCall,
  ): Promise<{ session_id: string }> {
    return this.sessions.create(agentId, request, call);
  }

  async retrieveSession(
    agentId: string,
    sessionId: string,
    query: AgentSessionQuery,
    call: ApiCall,
  ): Promise<AgentSession> {
    return this.sessions.retrieve(agentId, sessionId, query, call);
  }

  async listSessions(
    agentId: string,
    query: AgentPageQuery,
    call: ApiCall,
  ): Promise<AgentPage<AgentSession>> {
    return this.sessions.list(agentId, query, call);
  }

  async deleteSession(agentId: string, sessionId: string, call: ApiCall): Promise<void> {
    return this.sessions.delete(agentId, sessionId, call);
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
    await this.sessions.session(agentId, sessionId, call);
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
      session: () => this.sessions.session(agentId, sessionId, call),
      records: this.records,
      sessionId,
      call,
    });
  }
}
