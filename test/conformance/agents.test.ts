import LlamaStackClient from "llama-stack-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREETING, startAgentsStack, ZOO } from "../helpers/agents-stack.ts";
import {
  createAgent as createLegacyAgent,
  createSession as createLegacySession,
  say,
  streamTurnPayloads,
  turnPath,
} from "../helpers/legacy-agents.ts";
import type { TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB } from "../helpers/two-principals.ts";

// The legacy agents API (/v1/agents, sessions, turns) on top of Responses, against a real server
// (see startAgentsStack; agents as chat models are in agent-models.test.ts). llama-stack-client
// 0.7.x has no `agents` resource, so its generic post/get/delete drive the routes (older clients'
// paths and shapes).
let ts: TestStack;
let client: LlamaStackClient;

beforeAll(async () => {
  ({ ts, client } = await startAgentsStack());
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

interface Step {
  step_id: string;
  step_type: string;
  model_response?: { content: string; stop_reason: string; tool_calls: ToolCall[] };
  tool_calls?: ToolCall[];
  tool_responses?: { call_id: string; tool_name: string; content: string }[];
  violation?: { violation_level: string; user_message: string } | null;
}
interface ToolCall {
  call_id: string;
  tool_name: string;
  arguments: string;
}
interface Turn {
  turn_id: string;
  session_id: string;
  input_messages: unknown[];
  steps: Step[];
  output_message: { role: string; content: string; stop_reason: string; tool_calls: ToolCall[] };
  started_at: string;
  completed_at: string | null;
}
interface Payload {
  event_type: string;
  turn_id?: string;
  step_id?: string;
  step_type?: string;
  delta?: { type: string; text?: string; tool_call?: ToolCall };
  step_details?: Step;
  turn?: Turn;
}

const createAgent = (agent_config: Record<string, unknown>) => createLegacyAgent(client, agent_config);
const createSession = (agentId: string, name?: string) => createLegacySession(client, agentId, name);
const streamPayloads = (path: string, body: Record<string, unknown>) =>
  streamTurnPayloads<Payload>(client, path, body);

describe("agents, sessions and turns", () => {
  it("creates, retrieves, lists and deletes an agent; a plain turn answers and is stored", async () => {
    const agentId = await createAgent({
      model: "llama-cpp/greeter",
      instructions: "Be brief.",
      name: "plain",
    });
    expect(await client.get(`/v1/agents/${agentId}`)).toMatchObject({
      agent_id: agentId,
      agent_config: { model: "llama-cpp/greeter", instructions: "Be brief.", name: "plain" },
      created_at: expect.any(String),
    });
    const listed = (await client.get("/v1/agents")) as { data: { agent_id: string }[]; has_more: boolean };
    expect(listed.data.map((a) => a.agent_id)).toContain(agentId);

    const sessionId = await createSession(agentId, "first");
    expect(sessionId).toMatch(/^conv_/);
    const turn = (await client.post(turnPath(agentId, sessionId), { body: say("Who are you?") })) as Turn;
    expect(turn).toMatchObject({
      session_id: sessionId,
      input_messages: [{ role: "user", content: "Who are you?" }],
      output_message: { role: "assistant", content: GREETING, stop_reason: "end_of_turn", tool_calls: [] },
      completed_at: expect.any(String),
    });
    expect(turn.steps).toEqual([
      expect.objectContaining({
        step_type: "inference",
        turn_id: turn.turn_id,
        model_response: expect.objectContaining({ content: GREETING }),
      }),
    ]);
    const path = `${turnPath(agentId, sessionId)}/${turn.turn_id}`;
    expect(await client.get(path)).toEqual(turn);
    expect(await client.get(`${path}/step/${turn.steps[0]!.step_id}`)).toEqual({ step: turn.steps[0] });

    const session = (await client.get(`/v1/agents/${agentId}/session/${sessionId}`)) as {
      session_name: string;
      turns: Turn[];
    };
    expect(session).toMatchObject({ session_id: sessionId, session_name: "first", turns: [turn] });
    // The session is a conversation underneath, naming its agent.
    expect((await client.conversations.retrieve(sessionId)).metadata).toEqual({
      agent_id: agentId,
      session_name: "first",
    });
    const sessions = (await client.get(`/v1/agents/${agentId}/sessions`)) as {
      data: { session_id: string }[];
    };
    expect(sessions.data.map((s) => s.session_id)).toEqual([sessionId]);

    await client.delete(`/v1/agents/${agentId}/session/${sessionId}`);
    await expect(client.get(`/v1/agents/${agentId}/session/${sessionId}`)).rejects.toMatchObject({
      status: 404,
    });
    await expect(client.conversations.retrieve(sessionId)).rejects.toMatchObject({ status: 404 });
    await client.delete(`/v1/agents/${agentId}`);
    await expect(client.get(`/v1/agents/${agentId}`)).rejects.toMatchObject({ status: 404 });
  });

  it("streams a turn as turn_start, inference step events and turn_complete", async () => {
    const agentId = await createAgent({ model: "llama-cpp/greeter", instructions: "" });
    const sessionId = await createSession(agentId);
    const payloads = await streamPayloads(turnPath(agentId, sessionId), say("Hi"));
    expect(payloads.map((p) => p.event_type)).toEqual([
      "turn_start",
      "step_start",
      ...payloads.slice(2, -2).map(() => "step_progress"),
      "step_complete",
      "turn_complete",
    ]);
    const text = payloads
      .filter((p) => p.event_type === "step_progress")
      .map((p) => p.delta!.text)
      .join("");
    expect(text).toBe(GREETING);
    const turn = payloads.at(-1)!.turn!;
    expect(turn.turn_id).toBe(payloads[0]!.turn_id);
    expect(turn.output_message.content).toBe(GREETING);
    expect(payloads.at(-2)!.step_details).toEqual(turn.steps[0]);
    // What was streamed is what was stored.
    expect(await client.get(`${turnPath(agentId, sessionId)}/${turn.turn_id}`)).toEqual(turn);
  });

  it("keeps a session's history: the second turn's response was given the first turn", async () => {
    const agentId = await createAgent({ model: "llama-cpp/greeter", instructions: "" });
    const sessionId = await createSession(agentId);
    await client.post(turnPath(agentId, sessionId), { body: say("First question") });
    await client.post(turnPath(agentId, sessionId), { body: say("Second question") });
    const items = await client.conversations.items.list(sessionId, { order: "asc" });
    expect(items.data.map((item) => [(item as { role?: string }).role, itemText(item)])).toEqual([
      ["user", "First question"],
      ["assistant", GREETING],
      ["user", "Second question"],
      ["assistant", GREETING],
    ]);
    // Each turn is a response in the session's conversation; the second was given the first.
    const responses = (await client.responses.list({ limit: 100 })).data.filter(
      (response) => (response as { conversation?: { id?: string } | null }).conversation?.id === sessionId,
    );
    expect(responses).toHaveLength(2);
    const given = await Promise.all(
      responses.map(async (r) =>
        (await client.responses.inputItems.list(r.id, { order: "asc" })).data.map(itemText),
      ),
    );
    expect(given).toContainEqual(["First question", GREETING, "Second question"]);
  });

  it("pauses on a client tool (turn_awaiting_input) and goes on when resumed with its result", async () => {
    const agentId = await createAgent({
      model: "llama-cpp/weather",
      instructions: "",
      client_tools: [
        {
          name: "get_weather",
          description: "Get the weather for a city",
          input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      ],
    });
    const sessionId = await createSession(agentId);
    const payloads = await streamPayloads(turnPath(agentId, sessionId), say("Weather in Paris?"));
    const paused = payloads.at(-1)!;
    expect(paused.event_type).toBe("turn_awaiting_input");
    const [call] = paused.turn!.output_message.tool_calls;
    expect(call).toMatchObject({ tool_name: "get_weather", call_id: expect.any(String) });
    expect(JSON.parse(call!.arguments)).toEqual({ city: "Paris" });
    expect(paused.turn!).toMatchObject({
      completed_at: null,
      output_message: { stop_reason: "end_of_message" },
    });
    expect(payloads).toContainEqual(
      expect.objectContaining({
        event_type: "step_progress",
        delta: expect.objectContaining({ type: "tool_call" }),
      }),
    );

    const turnId = paused.turn!.turn_id;
    const resume = `${turnPath(agentId, sessionId)}/${turnId}/resume`;
    // Answering a call the turn did not make is a 400.
    await expect(
      client.post(resume, {
        body: { tool_responses: [{ call_id: "nope", tool_name: "get_weather", content: "x" }] },
      }),
    ).rejects.toMatchObject({ status: 400 });
    const resumed = (await client.post(resume, {
      body: {
        tool_responses: [{ call_id: call!.call_id, tool_name: "get_weather", content: "Sunny, 21 C" }],
      },
    })) as Turn;
    expect(resumed.turn_id).toBe(turnId);
    const execution = resumed.steps.find((step) => step.step_type === "tool_execution")!;
    expect(execution).toMatchObject({
      tool_calls: [call],
      tool_responses: [{ call_id: call!.call_id, tool_name: "get_weather", content: "Sunny, 21 C" }],
    });
    // The model read the result (a chain model, it asks again): a new inference step after it.
    expect(resumed.steps.map((step) => step.step_type)).toEqual(["inference", "tool_execution", "inference"]);
    expect(resumed.output_message.tool_calls[0]!.call_id).not.toBe(call!.call_id);
    const items = await client.conversations.items.list(sessionId, { order: "asc" });
    expect(items.data.map((item) => item.type)).toEqual([
      "message",
      "function_call",
      "function_call_output",
      "function_call",
    ]);
  });

  it("runs a server-side tool (builtin::code_interpreter) as tool_execution steps", async () => {
    const agentId = await createAgent({
      model: "llama-cpp/coder",
      instructions: "",
      toolgroups: ["builtin::code_interpreter"],
      max_infer_iters: 2,
    });
    const sessionId = await createSession(agentId);
    const payloads = await streamPayloads(turnPath(agentId, sessionId), say("What is 6 times 7?"));
    const turn = payloads.at(-1)!.turn!;
    expect(payloads.at(-1)!.event_type).toBe("turn_complete");
    expect(turn.steps.map((step) => step.step_type)).toEqual([
      "inference",
      "tool_execution",
      "inference",
      "tool_execution",
    ]);
    const execution = turn.steps[1]!;
    expect(execution.tool_calls).toEqual([
      {
        call_id: expect.stringMatching(/^ci_/),
        tool_name: "code_interpreter",
        arguments: '{"code":"print(6 * 7)"}',
      },
    ]);
    expect(execution.tool_responses![0]!.content).toContain("42");
    expect(turn.steps[0]!.model_response!.tool_calls).toEqual(execution.tool_calls);
    const completed = payloads.filter((p) => p.event_type === "step_complete").map((p) => p.step_details);
    expect(completed).toEqual(turn.steps);
  }, 60_000);

  it("refuses through the agent's input shield as a shield_call step, without inference", async () => {
    const agentId = await createAgent({
      model: "llama-cpp/greeter",
      instructions: "",
      input_shields: ["no-passwords"],
    });
    const sessionId = await createSession(agentId);
    const turn = (await client.post(turnPath(agentId, sessionId), {
      body: say("Tell me the password."),
    })) as Turn;
    expect(turn.steps).toEqual([
      expect.objectContaining({
        step_type: "shield_call",
        violation: expect.objectContaining({ violation_level: "error" }),
      }),
    ]);
    expect(turn.output_message.content).toBe(turn.steps[0]!.violation!.user_message);
  });

  it("refuses through the agent's output shield window by window: passed text streams, the rest never leaves, history stays clean", async () => {
    const agentId = await createAgent({
      model: "llama-cpp/zoo",
      instructions: "",
      output_shields: ["no-zebras"],
    });
    const sessionId = await createSession(agentId);
    const turn = (await client.post(turnPath(agentId, sessionId), { body: say("Spell it.") })) as Turn;
    expect(turn.steps.map((step) => step.step_type)).toEqual(["inference", "shield_call"]);
    const refusal = turn.steps[1]!.violation!.user_message;
    expect(turn.steps[1]!.violation).toMatchObject({ violation_level: "error" });
    expect(refusal).toMatch(/zebra|blocked/i);
    expect(turn.output_message.content).toBe(refusal);

    const payloads = await streamPayloads(turnPath(agentId, sessionId), say("Spell it again."));
    const streamed = payloads
      .filter((p) => p.event_type === "step_progress" && p.delta?.type === "text")
      .map((p) => p.delta!.text)
      .join("");
    // The first window passed the shield and was sent as it came; the window with the word never was.
    expect(streamed.startsWith(ZOO.slice(0, 200))).toBe(true);
    expect(streamed).not.toContain("zebra.");
    const verdict = payloads.find((p) => p.event_type === "step_complete" && p.step_type === "shield_call");
    expect(verdict?.step_details?.violation).toMatchObject({ violation_level: "error" });
    expect(payloads.at(-1)).toMatchObject({ event_type: "turn_complete" });
    expect(payloads.at(-1)!.turn!.output_message.content).toBe(
      verdict!.step_details!.violation!.user_message,
    );

    // The session's history keeps the refusals, never the refused text.
    const items = (await client.get(`/v1/conversations/${sessionId}/items`)) as { data: unknown[] };
    expect(items.data.map(itemText).join(" ")).not.toContain("zebra.");
    expect(items.data.map(itemText)).toContain(refusal);

    // A clean answer passes and says so.
    const clean = await createAgent({
      model: "llama-cpp/greeter",
      instructions: "",
      output_shields: ["no-zebras"],
    });
    const passed = (await client.post(turnPath(clean, await createSession(clean)), {
      body: say("Hi"),
    })) as Turn;
    expect(passed.steps.map((step) => [step.step_type, step.violation ?? null])).toEqual([
      ["inference", null],
      ["shield_call", null],
    ]);
    expect(passed.output_message.content).toBe(GREETING);

    // An output shield nobody registered is the client's 404 before any inference, never a 500.
    const unknown = await createAgent({
      model: "llama-cpp/greeter",
      instructions: "",
      output_shields: ["nope"],
    });
    const refusedTurn = await fetch(`${ts.url}${turnPath(unknown, await createSession(unknown))}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ALICE}` },
      body: JSON.stringify(say("Hi")),
    });
    expect(refusedTurn.status).toBe(404);
    expect(((await refusedTurn.json()) as { error: { message: string } }).error.message).toContain("nope");
  }, 60_000);

  it("answers 404 for unknown agents, sessions, turns and steps, 400 for bad input, and hides agents from other principals", async () => {
    const agentId = await createAgent({ model: "llama-cpp/greeter", instructions: "" });
    const sessionId = await createSession(agentId);
    const turn = (await client.post(turnPath(agentId, sessionId), { body: say("Hi") })) as Turn;
    const missing = [
      "/v1/agents/nope",
      `/v1/agents/nope/session/${sessionId}`,
      `/v1/agents/${agentId}/session/conv_nope`,
      `${turnPath(agentId, sessionId)}/nope`,
      `${turnPath(agentId, sessionId)}/${turn.turn_id}/step/nope`,
    ];
    for (const path of missing) {
      const error = await client.get(path).catch((e: unknown) => e);
      expect(error, path).toMatchObject({ status: 404, error: { error: { type: "not_found_error" } } });
    }
    await expect(client.post(turnPath("nope", sessionId), { body: say("Hi") })).rejects.toMatchObject({
      status: 404,
    });
    await expect(client.post("/v1/agents", { body: { agent_config: {} } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      client.post("/v1/agents", {
        body: { agent_config: { model: "llama-cpp/greeter", toolgroups: ["mine::calc"] } },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(client.post(turnPath(agentId, sessionId), { body: { messages: [] } })).rejects.toMatchObject(
      {
        status: 400,
      },
    );
    // Resuming a turn that is not waiting for tool results.
    await expect(
      client.post(`${turnPath(agentId, sessionId)}/${turn.turn_id}/resume`, {
        body: { tool_responses: [{ call_id: "c", tool_name: "t", content: "x" }] },
      }),
    ).rejects.toMatchObject({ status: 400 });

    const bob = new LlamaStackClient({ baseURL: ts.url, apiKey: BOB, maxRetries: 0 });
    await expect(bob.get(`/v1/agents/${agentId}`)).rejects.toMatchObject({ status: 404 });
    await expect(bob.post(turnPath(agentId, sessionId), { body: say("Hi") })).rejects.toMatchObject({
      status: 404,
    });
    const bobs = (await bob.get("/v1/agents")) as { data: { agent_id: string }[] };
    expect(bobs.data.map((a) => a.agent_id)).not.toContain(agentId);
  });
});

function itemText(item: unknown): string {
  const content = (item as { content?: unknown }).content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part: { text?: string; refusal?: string }) => part.text ?? part.refusal ?? "").join("");
}
