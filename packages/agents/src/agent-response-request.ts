import type {
  AgentConfig,
  AgentToolConfig,
  AgentToolGroup,
  ConversationItemInput,
  ResponseCreateRequest,
} from "@llama-stack-ts/api";
import { agentResponseTools, agentToolChoice } from "./agent-response-tools.ts";

export interface AgentResponseOptions {
  input: ConversationItemInput[];
  /** The session's conversation; null for a one-off answer (agents as models). */
  conversationId: string | null;
  /** A turn's own tool groups, added to the agent's. */
  toolgroups?: readonly AgentToolGroup[] | null | undefined;
  toolConfig?: AgentToolConfig | null | undefined;
}

/** The Responses request that runs one step of an agent: its model, instructions, tools and sampling. */
export function agentResponseRequest(
  config: AgentConfig,
  options: AgentResponseOptions,
): ResponseCreateRequest {
  const tools = agentResponseTools(
    [...(config.toolgroups ?? []), ...(options.toolgroups ?? [])],
    config.client_tools ?? [],
  );
  const strategy = config.sampling_params?.strategy;
  const choice = agentToolChoice(
    options.toolConfig?.tool_choice ?? config.tool_config?.tool_choice ?? config.tool_choice,
  );
  return {
    model: config.model,
    input: options.input,
    instructions: config.instructions || null,
    ...(options.conversationId ? { conversation: options.conversationId } : { store: false }),
    ...(tools.length ? { tools } : {}),
    ...(choice && tools.length ? { tool_choice: choice } : {}),
    ...(strategy?.type === "greedy" ? { temperature: 0 } : {}),
    ...(strategy?.type !== "greedy" && strategy?.temperature != null
      ? { temperature: strategy.temperature }
      : {}),
    ...(strategy?.type === "top_p" && strategy.top_p != null ? { top_p: strategy.top_p } : {}),
    ...(config.sampling_params?.max_tokens ? { max_output_tokens: config.sampling_params.max_tokens } : {}),
    max_infer_iters: config.max_infer_iters ?? 10,
    // Tool execution steps carry what the tools answered.
    include: ["code_interpreter_call.outputs", "file_search_call.results", "web_search_call.action.sources"],
  };
}
