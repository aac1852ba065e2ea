import {
  type ApiCall,
  type ResponseObject,
  type ResponseOutputItem,
  type Turn,
  type TurnEventPayload,
  type TurnStreamChunk,
  UpstreamError,
} from "@llama-stack-ts/api";
import { agentResponseRequest } from "./agent-response-request.ts";
import { AGENT_SHIELD_REFUSAL } from "./agent-shields.ts";
import type { AgentTurnDependencies, AgentTurnRun } from "./agent-turn-run.ts";
import { checkTurnInput, checkTurnOutput } from "./agent-turn-shields.ts";
import { feedOutput } from "./feed-output.ts";
import { saveAgentTurn } from "./save-agent-turn.ts";

/**
 * A turn without streaming: the agent's input shields, one response in the session's
 * conversation, its output as steps, the output shields on the answer. Returns the stored turn
 * and the events a stream would have carried (a shielded stream is sent from them).
 */
export async function completeAgentTurn(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
): Promise<{ turn: Turn; events: TurnEventPayload[] }> {
  const events = [...run.prelude];
  const refused = await checkTurnInput(run, dependencies, call, events);
  if (refused) return { turn: refused, events };
  const response = await dependencies.responses().create(responseRequest(run), call);
  if (response.status === "failed") throw failure(response);
  const output = feedOutput(run.steps, response.output);
  const violation = await checkTurnOutput(run, dependencies, call);
  const answerStep = run.steps.steps.findLast((step) => step.step_type === "inference")?.step_id;
  // A refused answer's text never leaves the server, not even as progress.
  events.push(
    ...(violation
      ? output.filter(
          (e) => !(e.event_type === "step_progress" && e.step_id === answerStep && e.delta.type === "text"),
        )
      : output),
  );
  if (violation) events.push(...run.steps.shieldCall(violation, "assistant-output"));
  else if (run.agent.agent_config.output_shields?.length)
    events.push(...run.steps.shieldCall(null, "assistant-output"));
  const answer = violation ? (violation.user_message ?? AGENT_SHIELD_REFUSAL) : undefined;
  if (answer !== undefined) run.steps.replaceLastText(answer);
  const turn = await saveAgentTurn(run, dependencies, call, response, answer);
  return { turn, events };
}

/**
 * A streamed turn. With output shields the turn runs whole first (nothing unchecked is sent);
 * otherwise the response's stream events become turn events as they come. Resolves once the
 * first inference step was admitted, so its errors are statuses.
 */
export async function streamAgentTurn(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
): Promise<AsyncIterable<TurnStreamChunk>> {
  const turnStart: TurnEventPayload = { event_type: "turn_start", turn_id: run.identity.turnId };
  if (run.agent.agent_config.output_shields?.length) {
    const { turn, events } = await completeAgentTurn(run, dependencies, call);
    return chunks([turnStart, ...events, terminal(turn)]);
  }
  const events = [...run.prelude];
  const refused = await checkTurnInput(run, dependencies, call, events);
  if (refused) return chunks([turnStart, ...events, terminal(refused)]);
  const stream = await dependencies.responses().createStream(responseRequest(run), call);
  return (async function* () {
    for (const payload of [turnStart, ...events]) yield { event: { payload } };
    let response: ResponseObject | null = null;
    for await (const event of stream) {
      const payloads =
        event.type === "response.output_item.added"
          ? run.steps.added(event.item as ResponseOutputItem)
          : event.type === "response.output_text.delta" || event.type === "response.refusal.delta"
            ? run.steps.textDelta(String(event.delta))
            : event.type === "response.output_item.done"
              ? run.steps.done(event.item as ResponseOutputItem)
              : [];
      for (const payload of payloads) yield { event: { payload } };
      if (event.type === "response.failed") throw failure(event.response as ResponseObject);
      if (event.type === "response.completed" || event.type === "response.incomplete") {
        response = event.response as ResponseObject;
      }
    }
    for (const payload of run.steps.finish()) yield { event: { payload } };
    yield { event: { payload: terminal(await saveAgentTurn(run, dependencies, call, response)) } };
  })();
}

function responseRequest(run: AgentTurnRun) {
  return agentResponseRequest(run.agent.agent_config, {
    input: run.input,
    conversationId: run.identity.sessionId,
    toolgroups: run.toolgroups,
    toolConfig: run.toolConfig,
  });
}

function terminal(turn: Turn): TurnEventPayload {
  return turn.output_message.tool_calls.length
    ? { event_type: "turn_awaiting_input", turn }
    : { event_type: "turn_complete", turn };
}

async function* chunks(payloads: TurnEventPayload[]): AsyncGenerator<TurnStreamChunk> {
  for (const payload of payloads) yield { event: { payload } };
}

function failure(response: ResponseObject): UpstreamError {
  return new UpstreamError(response.error?.message ?? "The agent's response failed.");
}
