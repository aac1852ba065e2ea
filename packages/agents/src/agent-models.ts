import {
  type Agent,
  type ApiCall,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatModelSource,
  InvalidRequestError,
  type Model,
  type ResponseCreateRequest,
  type ResponseRunOptions,
  type ResponsesApi,
  type SafetyApi,
} from "@llama-stack-ts/api";
import { agentChatChunks, completionChunks } from "./agent-chat-chunks.ts";
import { agentChatCompletion, answerText, failure, finishReason } from "./agent-chat-completion.ts";
import { AGENTS_PARENT, type AgentRecords } from "./agent-records.ts";
import { agentResponseRequest } from "./agent-response-request.ts";
import { AGENT_SHIELD_REFUSAL, agentShieldViolation, outputRefusal } from "./agent-shields.ts";
import { chatToResponseInput } from "./chat-to-response-input.ts";
import { refusalText } from "./output-items.ts";

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
    if (refusal !== null) return agentChatCompletion(request, refusal, [], "content_filter", null);
    const response = await this.dependencies
      .responses()
      .create(responseRequest(agent, request), call, outputShields(agent));
    if (response.status === "failed") throw failure(response);
    const calls = response.output.filter((item) => item.type === "function_call");
    const refused = outputRefusal(response.output);
    if (refused !== null) return agentChatCompletion(request, refused, [], "content_filter", response);
    return agentChatCompletion(
      request,
      answerText(response.output),
      calls,
      finishReason(response, calls),
      response,
    );
  }

  /** Streamed as the agent answers, its output shields judging each window of text before it is sent. */
  async chatCompletionStream(
    model: Model,
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ChatCompletionChunk>> {
    const agent = await this.agent(model, call);
    const refusal = await this.inputRefusal(agent, request, call);
    if (refusal !== null) {
      return completionChunks(agentChatCompletion(request, refusal, [], "content_filter", null), request);
    }
    const stream = await this.dependencies
      .responses()
      .createStream(responseRequest(agent, request), call, outputShields(agent));
    return agentChatChunks(stream, request);
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
    return violation ? refusalText(violation, AGENT_SHIELD_REFUSAL) : null;
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

function outputShields(agent: Agent): ResponseRunOptions {
  return { outputShields: agent.agent_config.output_shields ?? [] };
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
