import type { ApiCall, ResponseObject, Turn } from "@llama-stack-ts/api";
import type { AgentTurnDependencies, AgentTurnRun } from "./agent-turn-run.ts";
import { buildTurn, type TurnRecord } from "./turn-record.ts";

export async function saveAgentTurn(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
  response: ResponseObject | null,
  answer?: string,
): Promise<Turn> {
  const turn = buildTurn(run.identity, run.steps, response, answer);
  const record: TurnRecord = {
    turn,
    agent_id: run.agent.agent_id,
    awaiting: run.steps.pendingCalls,
    toolgroups: run.toolgroups,
    tool_config: run.toolConfig,
    response_ids: [...run.responseIds, ...(response ? [response.id] : [])],
  };
  await dependencies.records.put(
    "agent_turn",
    turn.turn_id,
    turn.session_id,
    record as unknown as Record<string, unknown>,
    call.access,
  );
  return turn;
}
