import {
  type Agent,
  type ApiCall,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatModelSource,
  type FinishReason,
  InvalidRequestError,
  type Model,
  newId,
  type ResponseCreateRequest,
  type ResponseObject,
  type ResponseOutputItem,
  type ResponsesApi,
  type SafetyApi,
  UpstreamError,
} from "@llama-stack-ts/api";
import { AGENTS_PARENT, type AgentRecords } from "./agent-records.ts";
import { agentResponseRequest } from "./agent-response-request.ts";
import { AGENT_SHIELD_REFUSAL, agentShieldViolation } from "./agent-shields.ts";
import { chatToResponseInput } from "./chat-to-response-input.ts";
import { itemText } from "./item-text.ts";

const PREFIX = "agent/";

export interface AgentModelsDependencies {
  records: AgentRecords;
  responses: () => ResponsesApi;
  safety: () => SafetyApi;
}

/**
 * Stored agents as chat models: `agent/<name>` (or `agent/<agent_id>` for an unnamed agent) is
 * listed with the models, and a chat completion with it runs the agent — its instructions,
 * server-side tools and shields — over the messages through the Responses loop (nothing stored
 * there). Its text is the answer; calls of its client tools come back as `tool_calls`.
 */
export class AgentModels implements ChatModelSource {
  constructor(private readonly dependencies: AgentModelsDependencies) {}

  async list(call: ApiCall): Promise<{ model: Model; created: number }[]> {
    return (await this.agents(call)).map((agent) => ({
      model: agentModel(agent),
      created: Math.floor(Date.parse(agent.created_at) / 1000),
    }));
  }

  async find(modelId: string, call: ApiCall): Promise<Model | null> {
    const agent = await this.agentFor(modelId, call);
    return agent ? agentModel(agent) : null;
  }

  async chatCompletion(model: Model, request: ChatCompletionRequest, call: ApiCall): Promise<ChatCompletion> {
    const agent = await this.agent(model, call);
    const refusal = await this.inputRefusal(agent, request, call);
    if (refusal !== null) return completion(request, refusal, [], "content_filter", null);
    const response = await this.dependencies.responses().create(responseRequest(agent, request), call);
    if (response.status === "failed") throw failure(response);
    const text = answerText(response.output);
    const calls = response.output.filter((item) => item.type === "function_call");
    const violation =
      text && calls.length === 0
        ? await agentShieldViolation(
            this.dependencies.safety,
            agent.agent_config.output_shields,
            [{ role: "assistant", content: text }],
            call,
          )
        : null;
    if (violation) {
      return completion(
        request,
        violation.user_message ?? AGENT_SHIELD_REFUSAL,
        [],
        "content_filter",
        response,
      );
    }
    return completion(request, text, calls, finishReason(response, calls), response);
  }

  async chatCompletionStream(
    model: Model,
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ChatCompletionChunk>> {
    const agent = await this.agent(model, call);
    // Output shields judge the whole answer before any of it is sent.
    if (agent.agent_config.output_shields?.length || agent.agent_config.input_shields?.length) {
      return completionChunks(await this.chatCompletion(model, request, call), request);
    }
    const stream = await this.dependencies.responses().createStream(responseRequest(agent, request), call);
    return (async function* () {
      const head = {
        id: newId("chatCompletion"),
        object: "chat.completion.chunk" as const,
        created: now(),
        model: request.model,
      };
      yield {
        ...head,
        choices: [{ index: 0, delta: { role: "assistant" as const, content: "" }, finish_reason: null }],
      };
      let messages = 0;
      let separator = "";
      let response: ResponseObject | null = null;
      const calls: ResponseOutputItem[] = [];
      for await (const event of stream) {
        const item = event.item as ResponseOutputItem | undefined;
        if (event.type === "response.output_item.added" && item?.type === "message") {
          separator = messages++ > 0 ? "\n\n" : "";
        } else if (event.type === "response.output_text.delta" || event.type === "response.refusal.delta") {
          yield {
            ...head,
            choices: [{ index: 0, delta: { content: separator + String(event.delta) }, finish_reason: null }],
          };
          separator = "";
        } else if (event.type === "response.output_item.done" && item?.type === "function_call") {
          yield {
            ...head,
            choices: [
              { index: 0, delta: { tool_calls: [toolCallDelta(item, calls.length)] }, finish_reason: null },
            ],
          };
          calls.push(item);
        } else if (event.type === "response.failed") {
          throw failure(event.response as ResponseObject);
        } else if (event.type === "response.completed" || event.type === "response.incomplete") {
          response = event.response as ResponseObject;
        }
      }
      const finish = response ? finishReason(response, calls) : "stop";
      yield { ...head, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
      if (request.stream_options?.include_usage && response?.usage) {
        yield { ...head, choices: [], usage: usageOf(response) };
      }
    })();
  }

  private async inputRefusal(
    agent: Agent,
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<string | null> {
    const users = request.messages.filter((message) => message.role === "user");
    const last = users.at(-1);
    const violation = last
      ? await agentShieldViolation(this.dependencies.safety, agent.agent_config.input_shields, [last], call)
      : null;
    return violation ? (violation.user_message ?? AGENT_SHIELD_REFUSAL) : null;
  }

  private async agent(model: Model, call: ApiCall): Promise<Agent> {
    const agent = await this.agentFor(model.identifier, call);
    if (!agent)
      throw new InvalidRequestError(`Agent model '${model.identifier}' is gone.`, { param: "model" });
    return agent;
  }

  /** By id first, then by name (the newest agent of that name). */
  private async agentFor(modelId: string, call: ApiCall): Promise<Agent | null> {
    if (!modelId.startsWith(PREFIX)) return null;
    const key = modelId.slice(PREFIX.length);
    const agents = await this.agents(call);
    return (
      agents.find((a) => a.agent_id === key) ?? agents.findLast((a) => a.agent_config.name === key) ?? null
    );
  }

  private async agents(call: ApiCall): Promise<Agent[]> {
    return (await this.dependencies.records.list("agent", AGENTS_PARENT, call.access)) as Agent[];
  }
}

function agentModel(agent: Agent): Model {
  return {
    identifier: PREFIX + (agent.agent_config.name ?? agent.agent_id),
    provider_id: "agents",
    provider_resource_id: agent.agent_id,
    model_type: "llm",
    metadata: { agent_id: agent.agent_id, model: agent.agent_config.model },
    type: "model",
  };
}

/** The agent's request, with the chat request's sampling where it gives one. */
function responseRequest(agent: Agent, request: ChatCompletionRequest): ResponseCreateRequest {
  if (request.tools?.length) {
    throw new InvalidRequestError(
      "An agent model brings its own tools; give client tools in its agent_config.",
      {
        param: "tools",
      },
    );
  }
  const base = agentResponseRequest(agent.agent_config, {
    input: chatToResponseInput(request.messages),
    conversationId: null,
  });
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  return {
    ...base,
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { top_p: request.top_p } : {}),
    ...(maxTokens ? { max_output_tokens: maxTokens } : {}),
  };
}

/** Every message's text, a blank line between messages (as the stream sends it). */
function answerText(output: readonly ResponseOutputItem[]): string {
  return output
    .filter((item) => item.type === "message")
    .map((item) => itemText(item.content))
    .join("\n\n");
}

function finishReason(response: ResponseObject, calls: readonly ResponseOutputItem[]): FinishReason {
  if (calls.length) return "tool_calls";
  return response.status === "incomplete" && response.incomplete_details?.reason === "max_output_tokens"
    ? "length"
    : "stop";
}

function completion(
  request: ChatCompletionRequest,
  text: string,
  calls: readonly ResponseOutputItem[],
  finish: FinishReason,
  response: ResponseObject | null,
): ChatCompletion {
  return {
    id: newId("chatCompletion"),
    object: "chat.completion",
    created: now(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text,
          ...(calls.length
            ? {
                tool_calls: calls.map((item) => ({
                  id: String(item.call_id),
                  type: "function" as const,
                  function: { name: String(item.name), arguments: String(item.arguments) },
                })),
              }
            : {}),
        },
        finish_reason: finish,
        logprobs: null,
      },
    ],
    ...(response?.usage ? { usage: usageOf(response) } : {}),
  };
}

/** A whole completion as the chunks a stream of it would be. */
async function* completionChunks(
  whole: ChatCompletion,
  request: ChatCompletionRequest,
): AsyncGenerator<ChatCompletionChunk> {
  const head = {
    id: whole.id,
    object: "chat.completion.chunk" as const,
    created: whole.created,
    model: whole.model,
  };
  const choice = whole.choices[0]!;
  yield {
    ...head,
    choices: [
      { index: 0, delta: { role: "assistant", content: choice.message.content ?? "" }, finish_reason: null },
    ],
  };
  const calls = choice.message.tool_calls ?? [];
  if (calls.length) {
    yield {
      ...head,
      choices: [
        { index: 0, delta: { tool_calls: calls.map((c, index) => ({ index, ...c })) }, finish_reason: null },
      ],
    };
  }
  yield { ...head, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }] };
  if (request.stream_options?.include_usage && whole.usage)
    yield { ...head, choices: [], usage: whole.usage };
}

function toolCallDelta(item: ResponseOutputItem, index: number) {
  return {
    index,
    id: String(item.call_id),
    type: "function" as const,
    function: { name: String(item.name), arguments: String(item.arguments) },
  };
}

function usageOf(response: ResponseObject) {
  const usage = response.usage!;
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
  };
}

function failure(response: ResponseObject): UpstreamError {
  return new UpstreamError(response.error?.message ?? "The agent's response failed.");
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
