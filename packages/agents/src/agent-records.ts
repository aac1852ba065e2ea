import type { AccessContext } from "@llama-stack-ts/api";

export type AgentRecordKind = "agent" | "agent_session" | "agent_turn";

/**
 * Where agents, sessions and turns are kept: owner-scoped JSON records, each under a parent (an
 * agent's sessions, a session's turns). Core's `AgentRecordsStore` implements it over
 * `registry_resources`; the agents layer sees only this.
 */
export interface AgentRecords {
  /** Inserts or replaces. */
  put(
    kind: AgentRecordKind,
    id: string,
    parentId: string,
    body: Record<string, unknown>,
    access: AccessContext,
  ): Promise<void>;
  get(kind: AgentRecordKind, id: string, access: AccessContext): Promise<Record<string, unknown> | undefined>;
  /** Oldest first. */
  list(kind: AgentRecordKind, parentId: string, access: AccessContext): Promise<Record<string, unknown>[]>;
  delete(kind: AgentRecordKind, id: string, access: AccessContext): Promise<boolean>;
}

/** Every agent record has this parent: the agents themselves. */
export const AGENTS_PARENT = "agents";
