import { randomUUID } from "node:crypto";
import {
  type Agent,
  type AgentToolResponse,
  type ApiCall,
  type ChatMessage,
  InvalidRequestError,
  NotFoundError,
  type TurnCreateRequest,
  type TurnResumeRequest,
} from "@llama-stack-ts/api";
import type { AgentRecords } from "./agent-records.ts";
import { fileSearchStores } from "./agent-response-tools.ts";
import type { AgentTurnRun } from "./agent-turn-run.ts";
import { contentText, turnInputItems } from "./turn-input-items.ts";
import type { TurnRecord } from "./turn-record.ts";
import { TurnSteps } from "./turn-steps.ts";

export interface TurnRunSources {
  agent: () => Promise<Agent>;
  /** Checks the session belongs to the agent (404 otherwise). */
  session: () => Promise<unknown>;
  records: AgentRecords;
  sessionId: string;
  call: ApiCall;
}

/** Prepares a turn's run: a new turn from the user's messages, or a paused one with the client's tool answers. */
export function turnRuns(sources: TurnRunSources) {
  return {
    async start(request: TurnCreateRequest): Promise<AgentTurnRun> {
      const [agent] = await Promise.all([sources.agent(), sources.session()]);
      const turnId = randomUUID();
      const shieldMessages: ChatMessage[] = request.messages
        .filter((message) => message.role === "user")
        .map((message) => ({ role: "user", content: contentText(message.content) }));
      return {
        agent,
        identity: {
          turnId,
          sessionId: sources.sessionId,
          inputMessages: request.messages,
          startedAt: new Date().toISOString(),
        },
        steps: new TurnSteps(
          turnId,
          [],
          fileSearchStores([...(agent.agent_config.toolgroups ?? []), ...(request.toolgroups ?? [])]),
        ),
        prelude: [],
        input: turnInputItems(request.messages, request.documents),
        toolgroups: request.toolgroups ?? [],
        toolConfig: request.tool_config ?? null,
        shieldMessages,
        responseIds: [],
      };
    },

    async resume(turnId: string, request: TurnResumeRequest): Promise<AgentTurnRun> {
      const [agent] = await Promise.all([sources.agent(), sources.session()]);
      const record = (await sources.records.get("agent_turn", turnId, sources.call.access)) as
        | TurnRecord
        | undefined;
      if (!record || record.turn.session_id !== sources.sessionId) throw new NotFoundError("Turn", turnId);
      const answers = matchAnswers(record, request.tool_responses);
      const steps = new TurnSteps(
        turnId,
        record.turn.steps,
        fileSearchStores([...(agent.agent_config.toolgroups ?? []), ...record.toolgroups]),
      );
      return {
        agent,
        identity: {
          turnId,
          sessionId: sources.sessionId,
          inputMessages: record.turn.input_messages,
          startedAt: record.turn.started_at,
        },
        steps,
        prelude: steps.clientToolExecution(record.awaiting, answers),
        input: answers.map((answer) => ({
          type: "function_call_output",
          call_id: answer.call_id,
          output: contentText(answer.content),
        })),
        toolgroups: record.toolgroups,
        toolConfig: record.tool_config,
        shieldMessages: [],
        responseIds: record.response_ids,
      };
    },
  };
}

/** One answer per call the turn waits on, in the calls' order; anything else is a 400. */
function matchAnswers(record: TurnRecord, responses: AgentToolResponse[]): AgentToolResponse[] {
  if (record.awaiting.length === 0) {
    throw new InvalidRequestError(`Turn ${record.turn.turn_id} is not waiting for tool responses.`, {
      param: "tool_responses",
      code: "turn_not_awaiting_input",
    });
  }
  const byId = new Map(responses.map((response) => [response.call_id, response]));
  const unknown = responses.find((r) => !record.awaiting.some((call) => call.call_id === r.call_id));
  if (unknown || byId.size !== record.awaiting.length) {
    throw new InvalidRequestError(
      `Answer each pending call once: ${record.awaiting.map((call) => call.call_id).join(", ")}.`,
      { param: "tool_responses" },
    );
  }
  return record.awaiting.map((call) => ({ ...byId.get(call.call_id)!, tool_name: call.tool_name }));
}
