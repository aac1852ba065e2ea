import {
  type Agent,
  type AgentPage,
  type AgentPageQuery,
  type AgentSession,
  type AgentSessionCreateRequest,
  type AgentSessionQuery,
  type ApiCall,
  type ConversationsApi,
  NotFoundError,
  StackError,
  type Turn,
} from "@llama-stack-ts/api";
import { agentPage } from "./agent-page.ts";
import type { AgentRecords } from "./agent-records.ts";

interface SessionRecord {
  session_id: string;
  session_name: string;
  agent_id: string;
  started_at: string;
}

export interface AgentSessionsDependencies {
  /** The agent, or a 404: every session call checks its agent first. */
  agent: (agentId: string, call: ApiCall) => Promise<Agent>;
  conversations: () => ConversationsApi;
  records: AgentRecords;
}

/**
 * An agent's sessions: each a conversation whose metadata names the agent, with a record of
 * its own under the agent, and its turns' records under it.
 */
export class AgentSessions {
  constructor(private readonly dependencies: AgentSessionsDependencies) {}

  async create(
    agentId: string,
    request: AgentSessionCreateRequest,
    call: ApiCall,
  ): Promise<{ session_id: string }> {
    await this.dependencies.agent(agentId, call);
    const conversation = await this.dependencies
      .conversations()
      .create({ metadata: { agent_id: agentId, session_name: request.session_name } }, call);
    const session: SessionRecord = {
      session_id: conversation.id,
      session_name: request.session_name,
      agent_id: agentId,
      started_at: new Date(conversation.created_at * 1000).toISOString(),
    };
    await this.dependencies.records.put(
      "agent_session",
      session.session_id,
      agentId,
      { ...session },
      call.access,
    );
    return { session_id: session.session_id };
  }

  async retrieve(
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

  async list(agentId: string, query: AgentPageQuery, call: ApiCall): Promise<AgentPage<AgentSession>> {
    await this.dependencies.agent(agentId, call);
    const sessions = agentPage(await this.sessionRecords(agentId, call), query);
    const data = await Promise.all(
      sessions.data.map(async (session) => ({
        ...session,
        turns: await this.turns(session.session_id, call),
      })),
    );
    return { data, has_more: sessions.has_more };
  }

  async delete(agentId: string, sessionId: string, call: ApiCall): Promise<void> {
    await this.session(agentId, sessionId, call);
    for (const turn of await this.turns(sessionId, call)) {
      await this.dependencies.records.delete("agent_turn", turn.turn_id, call.access);
    }
    try {
      await this.dependencies.conversations().delete(sessionId, call);
    } catch (error) {
      // Deleted through /v1/conversations already: the session goes all the same.
      if (!(StackError.isInstance(error) && error.kind === "not_found")) throw error;
    }
    await this.dependencies.records.delete("agent_session", sessionId, call.access);
  }

  /** The agent's session, or a 404 (another agent's session too). */
  async session(agentId: string, sessionId: string, call: ApiCall): Promise<SessionRecord> {
    await this.dependencies.agent(agentId, call);
    const session = (await this.dependencies.records.get("agent_session", sessionId, call.access)) as
      | SessionRecord
      | undefined;
    if (!session || session.agent_id !== agentId) throw new NotFoundError("Session", sessionId);
    return session;
  }

  async sessionRecords(agentId: string, call: ApiCall): Promise<SessionRecord[]> {
    return (await this.dependencies.records.list(
      "agent_session",
      agentId,
      call.access,
    )) as unknown as SessionRecord[];
  }

  private async turns(sessionId: string, call: ApiCall): Promise<Turn[]> {
    return (await this.dependencies.records.list("agent_turn", sessionId, call.access)).map(
      (record) => record.turn as Turn,
    );
  }
}
