import type LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREETING, startAgentsStack, ZOO } from "../helpers/agents-stack.ts";
import { createAgent as createLegacyAgent } from "../helpers/legacy-agents.ts";
import { readChatStream } from "../helpers/read-chat-stream.ts";
import type { TestStack } from "../helpers/start-test-stack.ts";
import { BOB } from "../helpers/two-principals.ts";

// Every stored agent is also a chat model, `agent/<name>`: any chat-completions client talks to a
// full agent (its tools, its shields) without knowing Responses.
let ts: TestStack;
let client: LlamaStackClient;
let openai: OpenAI;

beforeAll(async () => {
  ({ ts, client, openai } = await startAgentsStack());
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

const createAgent = (agent_config: Record<string, unknown>) => createLegacyAgent(client, agent_config);

describe("agents as models", () => {
  it("lists an agent as agent/<name> and answers chat completions with it, streamed or not", async () => {
    await createAgent({ model: "llama-cpp/greeter", instructions: "Be brief.", name: "helper" });
    const models = await openai.models.list();
    expect(models.data).toContainEqual(
      expect.objectContaining({
        id: "agent/helper",
        custom_metadata: expect.objectContaining({ model_type: "llm", provider_id: "agents" }),
      }),
    );
    expect((await client.models.retrieve("agent/helper")).model_type).toBe("llm");

    const completion = await openai.chat.completions.create({
      model: "agent/helper",
      messages: [{ role: "user", content: "Who are you?" }],
    });
    expect(completion).toMatchObject({
      object: "chat.completion",
      model: "agent/helper",
      choices: [{ index: 0, message: { role: "assistant", content: GREETING }, finish_reason: "stop" }],
    });

    const stream = await openai.chat.completions.create({
      model: "agent/helper",
      messages: [{ role: "user", content: "Who are you?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { text, finishes, usage } = await readChatStream(stream);
    expect(text).toBe(GREETING);
    expect(finishes).toEqual(["stop"]);
    expect(usage).toMatchObject({ completion_tokens: 9 });
    // Another principal has no such model.
    const bob = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: BOB, maxRetries: 0 });
    await expect(
      bob.chat.completions.create({ model: "agent/helper", messages: [{ role: "user", content: "Hi" }] }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("an agent model's output shield ends the answer with content_filter, streamed window by window", async () => {
    await createAgent({
      model: "llama-cpp/zoo",
      instructions: "",
      name: "zookeeper",
      output_shields: ["no-zebras"],
    });
    const whole = await openai.chat.completions.create({
      model: "agent/zookeeper",
      messages: [{ role: "user", content: "Spell it." }],
    });
    expect(whole.choices[0]!.finish_reason).toBe("content_filter");
    expect(whole.choices[0]!.message.content).not.toContain("zebra.");

    const stream = await openai.chat.completions.create({
      model: "agent/zookeeper",
      messages: [{ role: "user", content: "Spell it." }],
      stream: true,
    });
    const { text, finishes } = await readChatStream(stream);
    expect(text.startsWith(ZOO.slice(0, 200))).toBe(true);
    expect(text).not.toContain("zebra.");
    expect(text.endsWith(whole.choices[0]!.message.content!)).toBe(true);
    expect(finishes).toEqual(["content_filter"]);
  }, 60_000);

  it("runs the agent's server-side tools and returns its client tools' calls as tool_calls", async () => {
    await createAgent({
      model: "llama-cpp/coder",
      instructions: "",
      name: "calculator",
      toolgroups: ["builtin::code_interpreter"],
      max_infer_iters: 2,
    });
    const ran = await openai.chat.completions.create({
      model: "agent/calculator",
      messages: [{ role: "user", content: "What is 6 times 7?" }],
    });
    // The loop ran the interpreter until max_infer_iters; the model never wrote text.
    expect(ran.choices[0]!.message.content).toBe("");

    await createAgent({
      model: "llama-cpp/weather",
      instructions: "",
      name: "forecaster",
      client_tools: [
        { name: "get_weather", input_schema: { type: "object", properties: { city: { type: "string" } } } },
      ],
    });
    const called = await openai.chat.completions.create({
      model: "agent/forecaster",
      messages: [{ role: "user", content: "Weather in Paris?" }],
    });
    expect(called.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        tool_calls: [{ type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      },
    });
  }, 60_000);
});
