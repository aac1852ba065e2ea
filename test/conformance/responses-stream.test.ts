import { chainModelPath, tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askTwice } from "../helpers/ask-twice.ts";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { responsesStackConfig } from "../helpers/responses-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// `/v1/responses` with `stream: true`, through the openai package's own `responses.stream()`
// helper (it throws on an event out of order): chain models, the code interpreter, a keyword
// shield on output, and a real tiny model on one sequence with a queue of one for the disconnect.
const GREETING = "Hello! I am a tiny test model.";
// A chain model's text never repeats a token with another successor: every word once.
const CLEAN =
  "Alpaca flocks roam quietly over windswept Andean plateaus while weavers mend woolen blankets " +
  "beside crackling fires; distant condors circle above glacier lakes, vicuna calves tumble playfully " +
  "near ancient stone terraces as weary travelers share warm quinoa soup under bright southern stars! ";
let ts: TestStack;
let openai: OpenAI;

beforeAll(async () => {
  const [greeter, weather, coder, leaker, searcher, tiny] = await Promise.all([
    chainModelPath(GREETING),
    chainModelPath('[get_weather(city="Paris")]'),
    chainModelPath([{ special: "<|python_tag|>" }, "print(6 * 7)"], { endToken: "eom" }),
    chainModelPath(`${CLEAN}The password is swordfish.`),
    chainModelPath('[web_search(query="llamas")]'),
    tinyLlamaPath(),
  ]);
  const base = llamaCppConfig(
    [
      { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 1024 },
      { model_id: "weather", source: weather, chat_format: "llama3_2", context_size: 1024 },
      { model_id: "coder", source: coder, chat_format: "llama3_1", context_size: 2048 },
      { model_id: "leaker", source: leaker, chat_format: "llama3_1", context_size: 1024 },
      { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 2048 },
      { model_id: "tiny", source: tiny, chat_format: "llama3_1", parallel: 1 },
    ],
    { max_queued_requests: 1 },
  );
  ts = await startTestStack(responsesStackConfig(base, ["inference", "safety", "tool_runtime", "responses"]));
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

type Event = OpenAI.Responses.ResponseStreamEvent;

/** Streams through the SDK's helper; every event, the final response, and the stream's invariants. */
async function streamed(params: OpenAI.Responses.ResponseCreateParamsStreaming | Record<string, unknown>) {
  const stream = openai.responses.stream(params as OpenAI.Responses.ResponseCreateParamsStreaming);
  const events: Event[] = [];
  for await (const event of stream) events.push(event);
  const final = await stream.finalResponse();
  expect(events[0]?.type).toBe("response.created");
  expect(events[1]?.type).toBe("response.in_progress");
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, i) => i));
  const terminal = events.filter((event) =>
    ["response.completed", "response.incomplete", "response.failed"].includes(event.type),
  );
  expect(terminal).toHaveLength(1);
  expect(events.at(-1)).toBe(terminal[0]);
  const added = events.filter((event) => event.type === "response.output_item.added");
  expect(added.map((event) => event.output_index)).toEqual(added.map((_, i) => i));
  return { events, final, types: events.map((event) => event.type) };
}

describe("responses with stream: true", () => {
  it("streams plain text; the final response is the stored one", async () => {
    const { events, final, types } = await streamed({ model: "llama-cpp/greeter", input: "Who are you?" });
    expect(final.status).toBe("completed");
    expect(final.output_text).toBe(GREETING);
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      ...types.filter((type) => type === "response.output_text.delta"),
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const deltas = events.flatMap((event) =>
      event.type === "response.output_text.delta" ? [event.delta] : [],
    );
    expect(deltas.join("")).toBe(GREETING);
    // What the terminal event carries is what was stored (the SDK adds output_text to both copies).
    const terminal = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent;
    const { output_text: _, ...stored } = await openai.responses.retrieve(final.id);
    expect(stored).toEqual(terminal.response);
    expect(final.id).toBe(stored.id);
  });

  it("streams a function call with its arguments' delta and done events", async () => {
    const { events, final } = await streamed({
      model: "llama-cpp/weather",
      input: "Weather in Paris?",
      tools: [
        {
          type: "function",
          name: "get_weather",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
          strict: false,
        },
      ],
    });
    const args = JSON.stringify({ city: "Paris" });
    expect(final.output).toEqual([
      expect.objectContaining({ type: "function_call", name: "get_weather", arguments: args }),
    ]);
    const done = events.find((event) => event.type === "response.function_call_arguments.done");
    expect(done).toMatchObject({
      arguments: args,
      name: "get_weather",
      output_index: 0,
      item_id: final.output[0]!.id,
    });
    expect(events.some((event) => event.type === "response.function_call_arguments.delta")).toBe(true);
  });

  it("streams a hosted tool step (the code interpreter) with its events", async () => {
    const { types, final } = await streamed({
      model: "llama-cpp/coder",
      input: "What is 6 times 7? Use Python.",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      max_infer_iters: 1,
    });
    expect(final.status).toBe("incomplete");
    expect(final.output).toEqual([
      expect.objectContaining({ type: "code_interpreter_call", code: "print(6 * 7)" }),
    ]);
    expect(types.slice(2)).toEqual([
      "response.output_item.added",
      "response.code_interpreter_call.in_progress",
      "response.code_interpreter_call_code.delta",
      "response.code_interpreter_call_code.done",
      "response.code_interpreter_call.interpreting",
      "response.code_interpreter_call.completed",
      "response.output_item.done",
      "response.incomplete",
    ]);
  }, 60_000);

  it("streams a web search call's events, its failure (no provider here) included", async () => {
    const { types, final } = await streamed({
      model: "llama-cpp/searcher",
      input: "Search for llamas",
      tools: [{ type: "web_search" }],
      max_infer_iters: 1,
    });
    expect(final.output).toEqual([expect.objectContaining({ type: "web_search_call", status: "failed" })]);
    expect(types.slice(2)).toEqual([
      "response.output_item.added",
      "response.web_search_call.in_progress",
      "response.web_search_call.searching",
      "response.web_search_call.completed",
      "response.output_item.done",
      "response.incomplete",
    ]);
  });

  it("sends no text an output shield has not passed, and ends with a refusal", async () => {
    const { events, final, types } = await streamed({ model: "llama-cpp/leaker", input: "What is it?" });
    const sent = JSON.stringify(events.filter((event) => event.type !== "response.completed"));
    expect(sent).not.toContain("password");
    expect(sent).not.toContain("swordfish");
    // The first window passed and was sent; the one with the blocked word never was.
    expect(final.output_text.length).toBeGreaterThanOrEqual(200);
    expect(CLEAN.startsWith(final.output_text)).toBe(true);
    expect(final.output.at(-1)).toMatchObject({
      type: "message",
      content: [
        {
          type: "refusal",
          refusal: "Sorry, that message contains a blocked word. (violation type: blocked_word)",
        },
      ],
    });
    expect(types).toContain("response.refusal.delta");
    expect(types).toContain("response.refusal.done");
    expect(JSON.stringify(await openai.responses.retrieve(final.id))).not.toContain("swordfish");
  });

  it("ends with a refusal, streamed as one, when an input shield finds a violation", async () => {
    const { final, types } = await streamed({ model: "llama-cpp/greeter", input: "Tell me the password" });
    expect(final.status).toBe("completed");
    expect(final.output).toEqual([
      expect.objectContaining({ type: "message", content: [expect.objectContaining({ type: "refusal" })] }),
    ]);
    expect(types.slice(2)).toEqual([
      "response.output_item.added",
      "response.content_part.added",
      "response.refusal.delta",
      "response.refusal.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
  });

  it("answers an unknown model with a real 404 before any event, and shows usage only at the end", async () => {
    const response = await fetch(`${ts.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "llama-cpp/nobody", input: "Hi", stream: true }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    const { events } = await streamed({ model: "llama-cpp/greeter", input: "Hi" });
    expect(events[0]).toMatchObject({ response: { status: "in_progress", usage: null, output: [] } });
    expect(events.at(-1)).toMatchObject({ response: { usage: { total_tokens: expect.any(Number) } } });
  });

  it("streams to llama-stack-client too", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, apiKey: "none", maxRetries: 0 });
    const stream = await client.responses.create({ model: "llama-cpp/greeter", input: "Hi", stream: true });
    const types: string[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(String(event.type));
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(text).toBe(GREETING);
  });

  it("a client that disconnects stops the generation and frees its sequence", async () => {
    const controller = new AbortController();
    const stream = await openai.responses.create(
      {
        model: "llama-cpp/tiny",
        input: "Tell me a long story",
        max_output_tokens: 1500,
        temperature: 0,
        stream: true,
      },
      { signal: controller.signal },
    );
    let deltas = 0;
    let id = "";
    try {
      for await (const event of stream) {
        if (event.type === "response.created") id = event.response.id;
        if (event.type === "response.output_text.delta" && ++deltas === 1) controller.abort();
      }
    } catch {
      // the SDK reports the abort
    }
    expect(deltas).toBe(1);
    // What the client got is stored as failed once the server noticed it left (never in_progress forever).
    let stored = await openai.responses.retrieve(id);
    for (let i = 0; i < 100 && stored.status === "in_progress"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stored = await openai.responses.retrieve(id);
    }
    expect(stored.status).toBe("failed");
    expect(stored.error?.code).toBe("client_disconnected");
    // Were the sequence still generating, one of these would queue and the other get 429.
    expect(await askTwice(openai, "llama-cpp/tiny")).toEqual([5, 5]);
  }, 60_000);
});
