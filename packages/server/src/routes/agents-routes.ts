import {
  AgentCreateRequestSchema,
  AgentCreateResponseSchema,
  AgentPageQuerySchema,
  AgentSchema,
  AgentSessionCreateRequestSchema,
  AgentSessionCreateResponseSchema,
  AgentSessionQuerySchema,
  AgentSessionSchema,
  AgentStepResponseSchema,
  agentPageSchema,
  TurnCreateRequestSchema,
  TurnResumeRequestSchema,
  TurnSchema,
  TurnStreamChunkSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";
import { sseResponse } from "../http/sse-response.ts";

const id = z.string().min(1);
const AgentParams = z.object({ agent_id: id });
const SessionParams = AgentParams.extend({ session_id: id });
const TurnParams = SessionParams.extend({ turn_id: id });
const StepParams = TurnParams.extend({ step_id: id });
const SESSION = "/v1/agents/{agent_id}/session/{session_id}";

/**
 * Upstream's legacy agents, sessions and turns (llama-stack-client 0.2.x `client.agents`), kept on
 * top of Responses: a session is a conversation, a turn a response in it.
 */
export function agentsRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/agents",
      api: "agents",
      summary:
        "Create an agent: a model, instructions, tools and shields. It is also the chat model `agent/<name>`.",
      body: AgentCreateRequestSchema,
      response: AgentCreateResponseSchema,
      handler: async ({ stack, body, call }) => stack.routers.require("agents").create(body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/agents",
      api: "agents",
      summary: "Agents, oldest first (`start_index`, `limit`).",
      query: AgentPageQuerySchema,
      response: agentPageSchema(AgentSchema),
      handler: async ({ stack, query, call }) => stack.routers.require("agents").list(query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/agents/{agent_id}",
      api: "agents",
      summary: "One agent.",
      params: AgentParams,
      response: AgentSchema,
      handler: async ({ stack, params, call }) =>
        stack.routers.require("agents").retrieve(params.agent_id, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/agents/{agent_id}",
      api: "agents",
      summary: "Delete an agent with its sessions.",
      params: AgentParams,
      status: 204,
      handler: async ({ stack, params, call }) => {
        await stack.routers.require("agents").delete(params.agent_id, call);
        return null;
      },
    }),
    defineRoute({
      method: "POST",
      path: "/v1/agents/{agent_id}/session",
      api: "agents",
      summary: "Start a session (a conversation underneath; its id is the session id).",
      params: AgentParams,
      body: AgentSessionCreateRequestSchema,
      response: AgentSessionCreateResponseSchema,
      handler: async ({ stack, params, body, call }) =>
        stack.routers.require("agents").createSession(params.agent_id, body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/agents/{agent_id}/sessions",
      api: "agents",
      summary: "The agent's sessions with their turns, oldest first (`start_index`, `limit`).",
      params: AgentParams,
      query: AgentPageQuerySchema,
      response: agentPageSchema(AgentSessionSchema),
      handler: async ({ stack, params, query, call }) =>
        stack.routers.require("agents").listSessions(params.agent_id, query, call),
    }),
    defineRoute({
      method: "GET",
      path: SESSION,
      api: "agents",
      summary: "One session with its turns (only `turn_ids` when given).",
      params: SessionParams,
      query: AgentSessionQuerySchema,
      response: AgentSessionSchema,
      handler: async ({ stack, params, query, call }) =>
        stack.routers.require("agents").retrieveSession(params.agent_id, params.session_id, query, call),
    }),
    defineRoute({
      method: "DELETE",
      path: SESSION,
      api: "agents",
      summary: "Delete a session, its turns and its conversation.",
      params: SessionParams,
      status: 204,
      handler: async ({ stack, params, call }) => {
        await stack.routers.require("agents").deleteSession(params.agent_id, params.session_id, call);
        return null;
      },
    }),
    defineRoute({
      method: "POST",
      path: `${SESSION}/turn`,
      api: "agents",
      summary: "Run a turn: the agent answers the messages, running its server-side tools.",
      description:
        "Calls of client tools end the turn awaiting input (`turn_awaiting_input`); answer them with " +
        "`…/turn/{turn_id}/resume`. With `stream: true`, Server-Sent Events `{event: {payload}}`: " +
        "turn_start, step_start / step_progress / step_complete, then turn_complete or turn_awaiting_input.",
      params: SessionParams,
      body: TurnCreateRequestSchema,
      response: z.union([TurnSchema, TurnStreamChunkSchema]),
      handler: async ({ stack, params, body, call, context }) => {
        const agents = stack.routers.require("agents");
        if (!body.stream) return agents.createTurn(params.agent_id, params.session_id, body, call);
        return sseResponse(await agents.createTurnStream(params.agent_id, params.session_id, body, call), {
          onError: (error) => context.get("logger").error("turn stream failed", { error }),
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: `${SESSION}/turn/{turn_id}`,
      api: "agents",
      summary: "One turn.",
      params: TurnParams,
      response: TurnSchema,
      handler: async ({ stack, params, call }) =>
        stack.routers
          .require("agents")
          .retrieveTurn(params.agent_id, params.session_id, params.turn_id, call),
    }),
    defineRoute({
      method: "POST",
      path: `${SESSION}/turn/{turn_id}/resume`,
      api: "agents",
      summary: "Go on with a turn awaiting input: the client's answers to its tool calls.",
      params: TurnParams,
      body: TurnResumeRequestSchema,
      response: z.union([TurnSchema, TurnStreamChunkSchema]),
      handler: async ({ stack, params, body, call, context }) => {
        const agents = stack.routers.require("agents");
        const { agent_id, session_id, turn_id } = params;
        if (!body.stream) return agents.resumeTurn(agent_id, session_id, turn_id, body, call);
        return sseResponse(await agents.resumeTurnStream(agent_id, session_id, turn_id, body, call), {
          onError: (error) => context.get("logger").error("turn stream failed", { error }),
        });
      },
    }),
    defineRoute({
      method: "GET",
      path: `${SESSION}/turn/{turn_id}/step/{step_id}`,
      api: "agents",
      summary: "One step of a turn.",
      params: StepParams,
      response: AgentStepResponseSchema,
      handler: async ({ stack, params, call }) => ({
        step: await stack.routers
          .require("agents")
          .retrieveStep(params.agent_id, params.session_id, params.turn_id, params.step_id, call),
      }),
    }),
  ];
}
