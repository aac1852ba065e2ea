import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chainModelPath, tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askTwice } from "../helpers/ask-twice.ts";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { responsesStackConfig } from "../helpers/responses-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// A response's life beyond one request: `background` (queued, run by the job runner, streamed,
// cancelled) and a Stack on disk restarted between turns. Chain models answer fixed text; a real
// tiny model on one sequence writes long enough to be cancelled mid-generation.
const GREETING = "Hello! I am a tiny test model.";
let ts: TestStack;
let openai: OpenAI;
let dataDir: string;
let config: ReturnType<typeof responsesStackConfig>;

beforeAll(async () => {
  const [greeter, tiny] = await Promise.all([chainModelPath(GREETING), tinyLlamaPath()]);
  config = responsesStackConfig(
    llamaCppConfig(
      [
        { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 1024 },
        { model_id: "tiny", source: tiny, chat_format: "llama3_1", parallel: 1 },
      ],
      { max_queued_requests: 1 },
    ),
    ["inference", "safety", "tool_runtime", "conversations", "responses"],
  );
  dataDir = join(await mkdtemp(join(tmpdir(), "lsts-responses-")), "data");
  ts = await startTestStack(config, { dataDir });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

async function settled(id: string, client = openai) {
  for (let i = 0; i < 400; i++) {
    const response = await client.responses.retrieve(id);
    if (response.status !== "queued" && response.status !== "in_progress") return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${id} never ended`);
}

async function raw(method: string, path: string, body?: unknown) {
  const response = await fetch(`${ts.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { message: string; param?: string } },
  };
}

describe("background responses", () => {
  it("answers queued at once, then runs to completion in a job, stored with its input items", async () => {
    const queued = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Hi",
      background: true,
      metadata: { run: "one" },
    });
    expect(queued).toMatchObject({ status: "queued", background: true, output: [], usage: null });
    const done = await settled(queued.id);
    expect(done).toMatchObject({
      id: queued.id,
      status: "completed",
      background: true,
      metadata: { run: "one" },
    });
    expect(done.output_text).toBe(GREETING);
    expect(done.usage?.output_tokens).toBeGreaterThan(0);
    const items = await openai.responses.inputItems.list(queued.id);
    expect(items.data.map((item) => (item as { content?: unknown }).content)).toEqual([
      [{ type: "input_text", text: "Hi" }],
    ]);
    // It continues like any stored response.
    const next = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Again",
      previous_response_id: queued.id,
    });
    expect(next.output_text).toBe(GREETING);
  });

  it("streams: created and queued first, then the run's events through the openai stream helper", async () => {
    const stream = openai.responses.stream({ model: "llama-cpp/greeter", input: "Hi", background: true });
    const types: string[] = [];
    const numbers: number[] = [];
    for await (const event of stream) {
      types.push(event.type);
      numbers.push(event.sequence_number);
    }
    const final = await stream.finalResponse();
    expect(types.slice(0, 2)).toEqual(["response.created", "response.queued"]);
    expect(types).toContain("response.output_text.delta");
    expect(types.at(-1)).toBe("response.completed");
    expect(types.filter((t) => t === "response.created")).toHaveLength(1);
    expect(numbers).toEqual(numbers.map((_, i) => i));
    expect(final.output_text).toBe(GREETING);
    expect((await openai.responses.retrieve(final.id)).status).toBe("completed");
  });

  it("streams a background response again after a sequence number (OpenAI's resume); 400 for any other", async () => {
    const first: { type: string; sequence_number: number }[] = [];
    const stream = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Hi",
      background: true,
      stream: true,
    });
    let id = "";
    for await (const event of stream) {
      if (event.type === "response.created") id = event.response.id;
      first.push({ type: event.type, sequence_number: event.sequence_number });
    }
    const resumed: { type: string; sequence_number: number }[] = [];
    for await (const event of await openai.responses.retrieve(id, { stream: true, starting_after: 3 })) {
      resumed.push({ type: event.type, sequence_number: event.sequence_number });
    }
    expect(resumed).toEqual(first.filter((event) => event.sequence_number > 3));
    expect(resumed.at(-1)?.type).toBe("response.completed");

    // llama-stack-client (0.7 has no typed resume) through its generic get, as an SSE stream.
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const again = (await client.get(`/v1/responses/${id}`, {
      query: { stream: true, starting_after: 3 },
      stream: true,
    })) as unknown as AsyncIterable<{ type: string; sequence_number: number }>;
    const viaClient: { type: string; sequence_number: number }[] = [];
    for await (const event of again)
      viaClient.push({ type: event.type, sequence_number: event.sequence_number });
    expect(viaClient).toEqual(resumed);

    const foreground = await openai.responses.create({ model: "llama-cpp/greeter", input: "Hi" });
    for (const query of [
      `${foreground.id}?stream=true`,
      `${id}?stream=true&starting_after=-1`,
      `${id}?stream=maybe`,
    ]) {
      const refused = await fetch(`${ts.url}/v1/responses/${query}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBeTruthy();
    }
  });

  it("cancels a running response: its generation stops, cancel is idempotent, and it stays cancelled", async () => {
    const queued = await openai.responses.create({
      model: "llama-cpp/tiny",
      input: "Tell me a long story",
      max_output_tokens: 1500,
      temperature: 0,
      background: true,
    });
    for (let i = 0; i < 200 && (await openai.responses.retrieve(queued.id)).status !== "in_progress"; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const cancelled = await openai.responses.cancel(queued.id);
    expect(cancelled).toMatchObject({ id: queued.id, status: "cancelled" });
    expect((await openai.responses.cancel(queued.id)).status).toBe("cancelled");
    // llama-stack-client 0.7 has no typed cancel; its generic post reaches the same route.
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    expect(await client.post(`/v1/responses/${queued.id}/cancel`)).toMatchObject({ status: "cancelled" });
    await expect(client.post("/v1/responses/resp_nope/cancel")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    // One sequence, a queue of one: were the cancelled run still generating, one of these would get 429.
    expect(await askTwice(openai, "llama-cpp/tiny")).toEqual([5, 5]);
    expect((await openai.responses.retrieve(queued.id)).status).toBe("cancelled");
  }, 60_000);

  it("refuses what cannot be cancelled or run in the background", async () => {
    const foreground = await openai.responses.create({ model: "llama-cpp/greeter", input: "Hi" });
    const notBackground = await raw("POST", `/v1/responses/${foreground.id}/cancel`);
    expect(notBackground.status).toBe(409);
    expect(notBackground.body.error.message).toContain("background");
    const finished = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Hi",
      background: true,
    });
    await settled(finished.id);
    const ended = await raw("POST", `/v1/responses/${finished.id}/cancel`);
    expect(ended.status).toBe(409);
    expect(ended.body.error.message).toContain("completed");
    expect((await raw("POST", "/v1/responses/resp_nope/cancel")).status).toBe(404);
    const unstored = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: "Hi",
      background: true,
      store: false,
    });
    expect(unstored.status).toBe(400);
    expect(unstored.body.error.param).toBe("store");
    const unknownModel = await raw("POST", "/v1/responses", { model: "nope", input: "Hi", background: true });
    expect(unknownModel.status).toBe(404);
  });
});

describe("a restart between turns", () => {
  it("loses nothing: a previous_response_id chain and a conversation go on after the Stack reopens", async () => {
    const first = await openai.responses.create({ model: "llama-cpp/greeter", input: "Remember me" });
    const conversation = await openai.conversations.create({});
    await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "First",
      conversation: conversation.id,
    });
    await ts.close();
    ts = await startTestStack(config, { dataDir });
    openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });

    const second = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Still there?",
      previous_response_id: first.id,
    });
    expect(second.output_text).toBe(GREETING);
    const items = await openai.responses.inputItems.list(second.id, { order: "asc" });
    expect(items.data.map((item) => item.type)).toEqual(["message", "message", "message"]);
    await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Second",
      conversation: conversation.id,
    });
    const history = await openai.conversations.items.list(conversation.id, { order: "asc" });
    expect(history.data).toHaveLength(4);
  }, 60_000);
});
