import {
  type ApiCall,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponseRunOptions,
  type Turn,
  type TurnEventPayload,
  type TurnStreamChunk,
  UpstreamError,
} from "@llama-stack-ts/api";
import { agentResponseRequest } from "./agent-response-request.ts";
import { outputRefusal } from "./agent-shields.ts";
import type { AgentTurnDependencies, AgentTurnRun } from "./agent-turn-run.ts";
import { checkTurnInput } from "./agent-turn-shields.ts";
import { feedOutput } from "./feed-output.ts";
import { saveAgentTurn } from "./save-agent-turn.ts";

/**
 * A turn without streaming: the agent's input shields, one response in the session's
 * conversation (its output shields judging the answer there, so a refused answer never reaches
 * the session's history), its output as steps and the output shields' verdict as a step.
 * Returns the stored turn and the events a stream would have carried.
 */
export async function completeAgentTurn(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
): Promise<{ turn: Turn; events: TurnEventPayload[] }> {
  const events = [...run.prelude];
  const refused = await checkTurnInput(run, dependencies, call, events);
  if (refused) return { turn: refused, events };
  const response = await dependencies.responses().create(responseRequest(run), call, outputShields(run));
  if (response.status === "failed") throw failure(response);
  events.push(...feedOutput(run.steps, response.output));
  const { verdict, answer } = outputVerdict(run, response.output);
  events.push(...verdict);
  const turn = await saveAgentTurn(run, dependencies, call, response, answer);
  return { turn, events };
}

/**
 * A streamed turn: the response's stream events become turn events as they come, the output
 * shields judging each window of text before it is sent. Resolves once the first inference step
 * was admitted, so its errors are statuses.
 */
export async function streamAgentTurn(
  run: AgentTurnRun,
  dependencies: AgentTurnDependencies,
  call: ApiCall,
): Promise<AsyncIterable<TurnStreamChunk>> {
  const turnStart: TurnEventPayload = { event_type: "turn_start", turn_id: run.identity.turnId };
  const events = [...run.prelude];
  const refused = await checkTurnInput(run, dependencies, call, events);
  if (refused) return chunks([turnStart, ...events, terminal(refused)]);
  const stream = await dependencies.responses().createStream(responseRequest(run), call, outputShields(run));
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
    const { verdict, answer } = outputVerdict(run, response?.output ?? []);
    for (const payload of verdict) yield { event: { payload } };
    yield { event: { payload: terminal(await saveAgentTurn(run, dependencies, call, response, answer)) } };
  })();
}

function outputShields(run: AgentTurnRun): ResponseRunOptions {
  return { outputShields: run.agent.agent_config.output_shields ?? [] };
}

/**
 * The output shields' verdict as a shield_call step (none without output shields); a refusal
 * becomes the turn's answer, replacing any text passed before the shield stopped it.
 */
function outputVerdict(
  run: AgentTurnRun,
  output: readonly ResponseOutputItem[],
): { verdict: TurnEventPayload[]; answer: string | undefined } {
  if (!run.agent.agent_config.output_shields?.length) return { verdict: [], answer: undefined };
  const refusal = outputRefusal(output);
  if (refusal === null) return { verdict: run.steps.shieldCall(null, "assistant-output"), answer: undefined };
  run.steps.replaceLastText(refusal);
  const violation = { violation_level: "error" as const, user_message: refusal, metadata: {} };
  return { verdict: run.steps.shieldCall(violation, "assistant-output"), answer: refusal };
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
