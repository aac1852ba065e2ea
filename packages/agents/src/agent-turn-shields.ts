import { type ApiCall, newId, type Turn, type TurnEventPayload } from "@llama-stack-ts/api";
import { AGENT_SHIELD_REFUSAL, agentShieldViolation } from "./agent-shields.ts";
import type { AgentTurnDependencies, AgentTurnRun } from "./agent-turn-run.ts";
import { saveAgentTurn } from "./save-agent-turn.ts";

/**
 * The agent's input shields. A refusal ends the turn with the shield's message, and the
 * exchange is still added to the session, so the next turn sees what was refused.
 */
export async function checkTurnInput(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
  events: TurnEventPayload[],
): Promise<Turn | null> {
  const shields = run.agent.agent_config.input_shields;
  if (!shields?.length || run.shieldMessages.length === 0) return null;
  const violation = await agentShieldViolation(dependencies.safety, shields, run.shieldMessages, call);
  events.push(...run.steps.shieldCall(violation, "user-input"));
  if (!violation) return null;
  const refusal = violation.user_message ?? AGENT_SHIELD_REFUSAL;
  await dependencies
    .conversations()
    .appendItems(
      run.identity.sessionId,
      [
        ...run.input,
        { type: "message", id: newId("message"), role: "assistant", content: [{ type: "refusal", refusal }] },
      ],
      call,
    );
  return saveAgentTurn(run, dependencies, call, null, refusal);
}
