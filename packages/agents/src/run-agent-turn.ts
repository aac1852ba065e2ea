import {
  type Agent,
  type AgentToolConfig,
  type AgentToolGroup,
  type ApiCall,
  type ChatMessage,
  type ConversationItemInput,
  type ConversationsApi,
  newId,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponsesApi,
  type SafetyApi,
  type Turn,
  type TurnEventPayload,
  type TurnStreamChunk,
  UpstreamError,
} from "@llama-stack-ts/api";
import type { AgentRecords } from "./agent-records.ts";
import { agentResponseRequest } from "./agent-response-request.ts";
import { AGENT_SHIELD_REFUSAL, agentShieldViolation } from "./agent-shields.ts";
import { buildTurn, type TurnIdentity, type TurnRecord } from "./turn-record.ts";
import { feedOutput, type TurnSteps } from "./turn-steps.ts";

export interface AgentTurnDependencies {
  responses: () => ResponsesApi;
  conversations: () => ConversationsApi;
  safety: () => SafetyApi;
  records: AgentRecords;
}

/** One run of a turn: its start, or its resumption with the client's tool answers. */
export interface AgentTurnRun {
  agent: Agent;
  identity: TurnIdentity;
  steps: TurnSteps;
  /** Events already made (a resumed turn's client tool step). */
  prelude: TurnEventPayload[];
  input: ConversationItemInput[];
  toolgroups: AgentToolGroup[];
  toolConfig: AgentToolConfig | null;
  /** What the agent's input shields judge; none on resume. */
  shieldMessages: ChatMessage[];
  responseIds: string[];
}

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
  const refused = await checkInput(run, dependencies, call, events);
  if (refused) return { turn: refused, events };
  const response = await dependencies.responses().create(responseRequest(run), call);
  if (response.status === "failed") throw failure(response);
  const output = feedOutput(run.steps, response.output);
  const violation = await checkOutput(run, dependencies, call);
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
  const turn = await saveTurn(run, dependencies, call, response, answer);
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
  const refused = await checkInput(run, dependencies, call, events);
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
    yield { event: { payload: terminal(await saveTurn(run, dependencies, call, response)) } };
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

/**
 * The agent's input shields. A refusal ends the turn with the shield's message, and the
 * exchange is still added to the session, so the next turn sees what was refused.
 */
async function checkInput(
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
  return saveTurn(run, dependencies, call, null, refusal);
}

/** The agent's output shields judge the answer's text. */
async function checkOutput(run: AgentTurnRun, dependencies: AgentTurnDependencies, call: ApiCall) {
  const shields = run.agent.agent_config.output_shields;
  const text = run.steps.lastText();
  if (!shields?.length || !text) return null;
  return agentShieldViolation(dependencies.safety, shields, [{ role: "assistant", content: text }], call);
}

async function saveTurn(
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
