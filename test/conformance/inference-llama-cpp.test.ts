import { chainModelPath, encodeLlama31, tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { readChatStream } from "../helpers/read-chat-stream.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// A real llama.cpp engine on GGUF models the tests write themselves, driven by both clients.
const GREETING = "Hello! I am a tiny test model.";
let ts: TestStack;
let openai: OpenAI;
let client: LlamaStackClient;

beforeAll(async () => {
  const [greeter, pythonList, braveSearch, tiny, strayCall] = await Promise.all([
    chainModelPath(GREETING),
    chainModelPath('[get_weather(city="Paris")]'),
    chainModelPath([{ special: "<|python_tag|>" }, 'brave_search.call(query="llama")'], { endToken: "eom" }),
    tinyLlamaPath(),
    // Starts a Llama 3.1 call, then wanders off: the grammar must keep its JSON on the tool's schema.
    chainModelPath([{ special: "<|python_tag|>" }, '{"bad']),
  ]);
  ts = await startTestStack(
    llamaCppConfig([
      { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 512 },
      { model_id: "weather-3.2", source: pythonList, chat_format: "llama3_2" },
      { model_id: "search-3.1", source: braveSearch, chat_format: "llama3_1" },
      { model_id: "tiny", source: tiny, chat_format: "llama3_1" },
      { model_id: "stray-call", source: strayCall, chat_format: "llama3_1" },
      { model_id: "tiny-template", source: tiny, chat_format: "template" },
      {
        model_id: "tiny-embed",
        source: tiny,
        model_type: "embedding",
        metadata: { embedding_dimension: 64 },
      },
    ]),
  );
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
  client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "Get the weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

describe("chat completions on inline::llama-cpp", () => {
  it("lists the configured models", async () => {
    const ids = (await openai.models.list()).data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["llama-cpp/greeter", "llama-cpp/tiny-embed"]));
  });

  it("answers non-streaming with exact text, stop reason and token usage", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Who are you?" }],
      temperature: 0,
    });
    expect(completion.choices[0]!.message.content).toBe(GREETING);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.model).toBe("llama-cpp/greeter");
    expect(completion.id).toMatch(/^chatcmpl-/);
    const usage = completion.usage!;
    expect(usage.completion_tokens).toBe(9); // the chain's 9 text tokens; the end token is not counted
    expect(usage.prompt_tokens).toBeGreaterThan(20);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it("streams the same text through the openai SDK, usage last", async () => {
    const stream = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Who are you?" }],
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    const finishes: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    let contentChunks = 0;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        if (choice.delta.content) contentChunks++;
        text += choice.delta.content ?? "";
        finishes.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(GREETING);
    expect(contentChunks).toBeGreaterThan(3); // streamed, not sent in one piece
    expect(finishes.filter(Boolean)).toEqual(["stop"]);
    expect(usage?.completion_tokens).toBe(9);
  });

  it("streams through llama-stack-client and stores the completion with its input", async () => {
    const earlier = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "First" }],
    });
    const stream = await client.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Stored?" }],
      stream: true,
      temperature: 0,
    });
    let id = "";
    let text = "";
    for await (const chunk of stream) {
      id = chunk.id;
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe(GREETING);
    const stored = await client.chat.completions.retrieve(id);
    expect(stored.input_messages).toEqual([{ role: "user", content: "Stored?" }]);
    expect(stored.choices[0]!.message).toMatchObject({ role: "assistant", content: GREETING });
    const listed = await client.chat.completions.list({ model: "llama-cpp/greeter", limit: 1 });
    expect(listed.data[0]!.id).toBe(id);
    expect(listed.has_more).toBe(true);
    const next = await client.chat.completions.list({ model: "llama-cpp/greeter", limit: 1, after: id });
    expect(next.data[0]!.id).toBe(earlier.id);
    const oldestFirst = await client.chat.completions.list({
      model: "llama-cpp/greeter",
      order: "asc",
      limit: 100,
    });
    expect(oldestFirst.data.map((c) => c.id).indexOf(earlier.id)).toBeLessThan(
      oldestFirst.data.map((c) => c.id).indexOf(id),
    );
    await expect(client.chat.completions.retrieve("chatcmpl-missing")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
  });

  it("stops at a stop string", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
      stop: [" tiny"],
    });
    expect(completion.choices[0]!.message.content).toBe("Hello! I am a");
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.usage?.completion_tokens).toBe(6); // "Hello", "!", " I", " am", " a", " tiny"
  });

  it("reports length when max_tokens cuts the answer", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
      max_completion_tokens: 3,
    });
    expect(completion.choices[0]!.finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(3);
    expect(GREETING.startsWith(completion.choices[0]!.message.content!)).toBe(true);
  });
});

describe("tool calls", () => {
  it("parses Llama 3.2 python_list calls into OpenAI tool_calls", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/weather-3.2",
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [weatherTool],
      temperature: 0,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.id).toMatch(/^call_/);
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris" });
  });

  it("streams tool-call deltas with an index, which the openai SDK accumulates", async () => {
    const stream = openai.chat.completions.stream({
      model: "llama-cpp/weather-3.2",
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [weatherTool],
      temperature: 0,
    });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]!.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "Paris" });
    expect(final.choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("maps a Llama 3.1 built-in call ending in <|eom_id|> to a tool call", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/search-3.1",
      messages: [{ role: "user", content: "Search for llamas" }],
      tools: [
        {
          type: "function",
          function: {
            name: "brave_search",
            parameters: { type: "object", properties: { query: { type: "string" } } },
          },
        },
      ],
      temperature: 0,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    const call = choice.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe("brave_search");
    expect(JSON.parse(call.function.arguments)).toEqual({ query: "llama" });
  });

  it("sends the tool result back in the ipython role and the model answers again", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "18°C and sunny" },
      ],
      tools: [weatherTool],
      temperature: 0,
    });
    expect(completion.choices[0]!.message.content).toBe(GREETING);
  });

  it("keeps an auto-mode Llama 3.1 call on the tool's schema once <|python_tag|> starts it", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/stray-call",
      messages: [{ role: "user", content: "Weather?" }],
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            parameters: {
              type: "object",
              properties: { city: { type: "string", enum: ["Paris", "Rome"] } },
              required: ["city"],
            },
          },
        },
      ],
      max_completion_tokens: 60,
      temperature: 0,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    const call = choice.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe("get_weather");
    expect(["Paris", "Rome"]).toContain(JSON.parse(call.function.arguments).city);
  });

  it("forces a call whose arguments follow the schema when tool_choice names a tool", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "anything" }],
      tools: [
        {
          type: "function",
          function: {
            name: "set_mode",
            parameters: {
              type: "object",
              properties: { mode: { type: "string", enum: ["fast", "slow"] }, on: { type: "boolean" } },
              required: ["mode", "on"],
            },
          },
        },
      ],
      tool_choice: { type: "function", function: { name: "set_mode" } },
      max_completion_tokens: 60,
      temperature: 0,
    });
    const call = completion.choices[0]!.message
      .tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(completion.choices[0]!.finish_reason).toBe("tool_calls");
    expect(call.function.name).toBe("set_mode");
    const args = JSON.parse(call.function.arguments);
    expect(["fast", "slow"]).toContain(args.mode);
    expect(typeof args.on).toBe("boolean");
  });
});

describe("other chat formats", () => {
  it("renders a model's own GGUF chat template when it is not a Llama 3 format", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/tiny-template",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      max_completion_tokens: 5,
      temperature: 0,
    });
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(5);
    const error = await openai.chat.completions
      .create({
        model: "llama-cpp/tiny-template",
        messages: [{ role: "user", content: "Hi" }],
        tools: [weatherTool],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain("tool calling needs a Llama 3.x model");
  });
});

describe("structured output, sampling and limits", () => {
  it("constrains response_format json_schema and returns schema-valid JSON", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "Give me a pick" }],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "pick",
          schema: {
            type: "object",
            properties: { pick: { type: "string", enum: ["a", "b"] }, ok: { type: "boolean" } },
            required: ["pick", "ok"],
          },
        },
      },
      max_completion_tokens: 40,
      temperature: 0,
    });
    const value = JSON.parse(completion.choices[0]!.message.content!);
    expect(["a", "b"]).toContain(value.pick);
    expect(typeof value.ok).toBe("boolean");
  });

  it("is reproducible with a seed and returns logprobs when asked", async () => {
    const ask = () =>
      openai.chat.completions.create({
        model: "llama-cpp/tiny",
        messages: [{ role: "user", content: "Say something" }],
        temperature: 0.9,
        seed: 1234,
        max_completion_tokens: 8,
        logprobs: true,
        top_logprobs: 2,
      });
    const [a, b] = [await ask(), await ask()];
    expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
    const logprobs = a.choices[0]!.logprobs!.content!;
    expect(logprobs).toHaveLength(8);
    expect(logprobs[0]!.top_logprobs).toHaveLength(2);
    expect(logprobs[0]!.logprob).toBeLessThanOrEqual(0);
  });

  it("applies logit_bias (a banned first token changes the answer) and accepts penalties", async () => {
    const hello = encodeLlama31("Hello")[0]!;
    const biased = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
      max_completion_tokens: 3,
      logit_bias: { [hello]: -100 },
    });
    expect(biased.choices[0]!.message.content!.startsWith("Hello")).toBe(false);
    const penalised = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
      frequency_penalty: 0.5,
      presence_penalty: 0.5,
    });
    expect(penalised.choices[0]!.message.content).toBe(GREETING); // no token repeats in the chain
  });

  it("rejects a prompt longer than the context with both token counts", async () => {
    const error = await openai.chat.completions
      .create({ model: "llama-cpp/greeter", messages: [{ role: "user", content: "word ".repeat(600) }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toMatch(/context is 512 tokens; the messages take \d+/);
  });

  it("rejects unknown models, wrong model types, invalid tool schemas and n > 1", async () => {
    await expect(
      openai.chat.completions.create({ model: "llama-cpp/nope", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const embedAsChat = await openai.chat.completions
      .create({ model: "llama-cpp/tiny-embed", messages: [{ role: "user", content: "x" }] })
      .catch((e: unknown) => e);
    expect((embedAsChat as Error).message).toContain("is an embedding model; use /v1/embeddings");
    const badTool = await openai.chat.completions
      .create({
        model: "llama-cpp/greeter",
        messages: [{ role: "user", content: "x" }],
        tools: [{ type: "function", function: { name: "t", parameters: { type: "array" } } }],
      })
      .catch((e: unknown) => e);
    expect(badTool).toBeInstanceOf(OpenAI.BadRequestError);
    expect((badTool as Error).message).toContain("parameters must be a JSON Schema of type 'object'");
    await expect(
      openai.chat.completions.create({
        model: "llama-cpp/greeter",
        messages: [{ role: "user", content: "x" }],
        n: 2,
      }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});

describe("completions and embeddings", () => {
  it("completes a raw Llama prompt, streaming and not", async () => {
    const prompt =
      "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
    const completion = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt,
      max_tokens: 50,
      temperature: 0,
    });
    expect(completion.choices[0]!.text).toBe(GREETING);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    const stream = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt,
      max_tokens: 50,
      temperature: 0,
      stream: true,
    });
    let text = "";
    for await (const piece of stream) text += piece.choices[0]?.text ?? "";
    expect(text).toBe(GREETING);
  });

  it("embeds as float and base64, with optional dimensions", async () => {
    const floats = await openai.embeddings.create({
      model: "llama-cpp/tiny-embed",
      input: ["a cat", "a dog"],
      encoding_format: "float",
    });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0]!.embedding).toHaveLength(64);
    expect(floats.usage.prompt_tokens).toBeGreaterThan(0);
    const b64 = await openai.embeddings.create({ model: "llama-cpp/tiny-embed", input: "a cat" }); // SDK default: base64, decoded
    for (const [i, x] of b64.data[0]!.embedding.entries())
      expect(x).toBeCloseTo(floats.data[0]!.embedding[i]!, 5);
    const short = await openai.embeddings.create({
      model: "llama-cpp/tiny-embed",
      input: "a cat",
      dimensions: 16,
      encoding_format: "float",
    });
    expect(short.data[0]!.embedding).toHaveLength(16);
    expect(Math.hypot(...short.data[0]!.embedding)).toBeCloseTo(1, 5);
    await expect(
      openai.embeddings.create({ model: "llama-cpp/tiny-embed", input: "x", dimensions: 65 }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("answers rerank on a model that cannot rank with a clear 400", async () => {
    const error = await client.alpha.inference
      .rerank({ model: "llama-cpp/tiny", query: "q", items: ["a", "b"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.BadRequestError);
    expect((error as Error).message).toContain("cannot rank");
  });
});

describe("input llama.cpp cannot take is a 400, not a 500", () => {
  it("refuses out-of-vocabulary token ids, ungrammatical schemas and over-long embeddings; truncates any length", async () => {
    const tokens = await openai.completions
      .create({ model: "llama-cpp/greeter", prompt: [1, 2, 999_999], max_tokens: 2 })
      .catch((e: unknown) => e);
    expect(tokens).toBeInstanceOf(OpenAI.BadRequestError);
    expect((tokens as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("prompt[2]");
    const embedTokens = await openai.embeddings
      .create({ model: "llama-cpp/tiny-embed", input: [5, 999_999] })
      .catch((e: unknown) => e);
    expect((embedTokens as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);
    const schema = await openai.chat.completions
      .create({
        model: "llama-cpp/greeter",
        messages: [{ role: "user", content: "x" }],
        response_format: {
          type: "json_schema",
          json_schema: { name: "a", schema: { type: "string", minLength: 1e9 } },
        },
      })
      .catch((e: unknown) => e);
    expect(schema).toBeInstanceOf(OpenAI.BadRequestError);
    expect((schema as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(
      "response_format.json_schema.schema.minLength",
    );
    const huge = "llamas hum ".repeat(100_000); // 1.1 MB
    const strict = await openai.embeddings
      .create({ model: "llama-cpp/tiny-embed", input: huge })
      .catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(OpenAI.BadRequestError);
    expect(String(strict)).toMatch(/input has \d+ tokens .* embeds at most \d+/);
    const truncated = await openai.embeddings.create({
      model: "llama-cpp/tiny-embed",
      input: huge,
      encoding_format: "float",
      truncate: true,
    } as OpenAI.EmbeddingCreateParams);
    expect(truncated.data[0]!.embedding).toHaveLength(64);
  });
});

describe("completions with a batch of prompts", () => {
  const chatPrompt =
    "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
  // The chain model continues any prefix of its text: after " am" it says the rest.
  const rest = " a tiny test model.";

  it("answers an array of strings with one choice per prompt, in order, usage summed", async () => {
    const completion = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt: [chatPrompt, "Hello! I am"],
      max_tokens: 50,
      temperature: 0,
    });
    expect(
      completion.choices.map(({ index, text, finish_reason }) => ({ index, text, finish_reason })),
    ).toEqual([
      { index: 0, text: GREETING, finish_reason: "stop" },
      { index: 1, text: rest, finish_reason: "stop" },
    ]);
    const usage = completion.usage!;
    expect(usage.completion_tokens).toBe(9 + 5);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    const single = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt: "Hello! I am",
      max_tokens: 50,
    });
    expect(usage.prompt_tokens).toBeGreaterThan(single.usage!.prompt_tokens);
  });

  it("answers token arrays, one or several, and cuts each prompt at max_tokens", async () => {
    const tokens = encodeLlama31("Hello! I am");
    const one = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt: tokens,
      max_tokens: 50,
    });
    expect(one.choices).toHaveLength(1);
    expect(one.choices[0]).toMatchObject({ index: 0, text: rest, finish_reason: "stop" });
    const several = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt: [tokens, encodeLlama31("Hello! I am a tiny")],
      max_tokens: 2,
    });
    expect(several.choices.map(({ index, text, finish_reason }) => ({ index, text, finish_reason }))).toEqual(
      [
        { index: 0, text: " a tiny", finish_reason: "length" },
        { index: 1, text: " test model", finish_reason: "length" },
      ],
    );
    expect(several.usage?.completion_tokens).toBe(4);
  });

  it("streams each prompt's chunks with its choice index, usage on the last chunk", async () => {
    const stream = await openai.completions.create({
      model: "llama-cpp/greeter",
      prompt: [chatPrompt, "Hello! I am"],
      max_tokens: 50,
      temperature: 0,
      stream: true,
    });
    const texts = ["", ""];
    const finishes: [number, string][] = [];
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.text;
        if (choice.finish_reason) finishes.push([choice.index, choice.finish_reason]);
      }
      usage = chunk.usage ?? usage;
    }
    expect(texts).toEqual([GREETING, rest]);
    expect(finishes).toEqual([
      [0, "stop"],
      [1, "stop"],
    ]);
    expect(usage?.completion_tokens).toBe(14);
  });

  it("checks every prompt before answering any, naming the one too long", async () => {
    const error = await openai.completions
      .create({ model: "llama-cpp/greeter", prompt: ["Hi", "word ".repeat(600)], max_tokens: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("prompt[1]");
  });
});

describe("JSON output ends when the JSON does", () => {
  const pickSchema = {
    type: "object",
    properties: { pick: { type: "string", enum: ["a", "b"] }, ok: { type: "boolean" } },
    required: ["pick", "ok"],
  };
  const setMode = {
    type: "function" as const,
    function: {
      name: "set_mode",
      parameters: {
        type: "object",
        properties: { mode: { type: "string", enum: ["fast", "slow"] }, on: { type: "boolean" } },
        required: ["mode", "on"],
      },
    },
  };

  const askPick = (maxTokens: number) =>
    openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "Give me a pick" }],
      response_format: { type: "json_schema", json_schema: { name: "pick", schema: pickSchema } },
      max_completion_tokens: maxTokens,
      temperature: 0,
    });

  it("finishes response_format json_schema with stop, no trailing whitespace, well before max_tokens", async () => {
    const completion = await askPick(200);
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("stop");
    expect(choice.message.content).toBe(choice.message.content!.trim());
    expect(["a", "b"]).toContain(JSON.parse(choice.message.content!).pick);
    expect(completion.usage!.completion_tokens).toBeLessThan(200);
  });

  // With room for the JSON and 2 tokens more, generation used to run on in newlines and end "length".
  it("is accepted by the openai SDK's structured-output parser, which rejects a length finish", async () => {
    const jsonTokens = (await askPick(200)).usage!.completion_tokens;
    const completion = await openai.chat.completions.parse({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "Give me a pick" }],
      response_format: zodResponseFormat(z.object({ pick: z.enum(["a", "b"]), ok: z.boolean() }), "pick"),
      max_completion_tokens: jsonTokens + 2,
      temperature: 0,
    });
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(["a", "b"]).toContain(completion.choices[0]!.message.parsed?.pick);
  });

  it("streams the same: the JSON, then finish_reason stop", async () => {
    const jsonTokens = (await askPick(200)).usage!.completion_tokens;
    const stream = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "Give me a pick" }],
      response_format: { type: "json_schema", json_schema: { name: "pick", schema: pickSchema } },
      max_completion_tokens: jsonTokens + 2,
      temperature: 0,
      stream: true,
    });
    const { text, finishes } = await readChatStream(stream);
    expect(finishes).toEqual(["stop"]);
    expect(text).toBe(text.trim());
    expect(typeof JSON.parse(text).ok).toBe("boolean");
  });

  it("ends a forced tool call at its closing brace with tool_calls", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "anything" }],
      tools: [setMode],
      tool_choice: "required",
      max_completion_tokens: 200,
      temperature: 0,
    });
    expect(completion.choices[0]!.finish_reason).toBe("tool_calls");
    const call = completion.choices[0]!.message
      .tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(["fast", "slow"]).toContain(JSON.parse(call.function.arguments).mode);
    expect(completion.usage!.completion_tokens).toBeLessThan(200);
  });

  it("answers a forced tool call cut off by max_tokens like OpenAI: 200, length, partial arguments", async () => {
    const full = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "anything" }],
      tools: [setMode],
      tool_choice: { type: "function", function: { name: "set_mode" } },
      max_completion_tokens: 200,
      temperature: 0,
    });
    const fullArguments = (
      full.choices[0]!.message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall
    ).function.arguments;
    const cut = await openai.chat.completions.create({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "anything" }],
      tools: [setMode],
      tool_choice: { type: "function", function: { name: "set_mode" } },
      max_completion_tokens: full.usage!.completion_tokens - 2,
      temperature: 0,
    });
    const choice = cut.choices[0]!;
    expect(choice.finish_reason).toBe("length");
    const call = choice.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe("set_mode");
    // The same greedy tokens, two short: the arguments as far as they got (the closing braces missing).
    const partial = call.function.arguments.replaceAll(/\s/g, "");
    expect(partial.length).toBeGreaterThan(5);
    expect(fullArguments.startsWith(partial)).toBe(true);
    expect(() => JSON.parse(call.function.arguments)).toThrow();
  });
});

describe("content the model cannot take", () => {
  it("answers an image part to a text-only model with a 400 naming the part", async () => {
    const error = await openai.chat.completions
      .create({
        model: "llama-cpp/greeter",
        messages: [
          { role: "system", content: "Be brief." },
          {
            role: "user",
            content: [
              { type: "image_url", image_url: { url: "data:image/png;base64,AA==" } },
              { type: "text", text: "What is this?" },
            ],
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("messages[1].content[0]");
    expect((error as Error).message).toContain("takes text only");
  });

  it("still takes text parts", async () => {
    const completion = await openai.chat.completions.create({
      model: "llama-cpp/greeter",
      messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
      temperature: 0,
    });
    expect(completion.choices[0]!.message.content).toBe(GREETING);
  });
});
