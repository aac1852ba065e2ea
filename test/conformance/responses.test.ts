import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { responsesStackConfig } from "../helpers/responses-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// `/v1/responses` against a real server: chain models on inline::llama-cpp that always answer the
// same text or the same tool call, the code interpreter as a hosted tool, a keyword shield on input.
const GREETING = "Hello! I am a tiny test model.";
let ts: TestStack;
let openai: OpenAI;
let client: LlamaStackClient;

beforeAll(async () => {
  const [greeter, weather, coder, searcher, leaker] = await Promise.all([
    chainModelPath(GREETING),
    chainModelPath('[get_weather(city="Paris")]'),
    chainModelPath([{ special: "<|python_tag|>" }, "print(6 * 7)"], { endToken: "eom" }),
    chainModelPath('[web_search(query="llamas")]'),
    chainModelPath("The password is swordfish."),
  ]);
  const base = llamaCppConfig([
    { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 1024 },
    { model_id: "weather", source: weather, chat_format: "llama3_2", context_size: 1024 },
    { model_id: "coder", source: coder, chat_format: "llama3_1", context_size: 2048 },
    { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 2048 },
    { model_id: "leaker", source: leaker, chat_format: "llama3_1", context_size: 1024 },
  ]);
  ts = await startTestStack({
    ...responsesStackConfig(base, ["inference", "safety", "tool_runtime", "conversations", "responses"]),
    server: { auth: TWO_PRINCIPALS_AUTH },
  });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: ALICE, maxRetries: 0 });
  client = new LlamaStackClient({ baseURL: ts.url, apiKey: ALICE, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

async function raw(method: string, path: string, body?: unknown) {
  const response = await fetch(`${ts.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { message: string; param?: string } },
  };
}

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Get the weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  strict: false,
};

describe("responses with the openai SDK", () => {
  it("answers plain text, stores it, retrieves, lists, shows input items and deletes", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/greeter",
      instructions: "Be brief.",
      input: "Who are you?",
      metadata: { run: "1" },
      temperature: 0,
    });
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_/),
      object: "response",
      status: "completed",
      model: "llama-cpp/greeter",
      instructions: "Be brief.",
      metadata: { run: "1" },
      error: null,
      incomplete_details: null,
      output: [
        {
          type: "message",
          id: expect.stringMatching(/^msg_/),
          role: "assistant",
          status: "completed",
          content: [{ type: "output_text", text: GREETING, annotations: [] }],
        },
      ],
    });
    expect(response.output_text).toBe(GREETING);
    expect(response.usage!.output_tokens).toBe(9);
    expect(response.usage!.total_tokens).toBe(response.usage!.input_tokens + 9);

    const retrieved = await openai.responses.retrieve(response.id);
    expect(retrieved).toEqual(response);
    expect((await client.responses.retrieve(response.id)).id).toBe(response.id);
    const listed = await client.responses.list({ limit: 100 });
    expect(listed.data.map((r) => r.id)).toContain(response.id);

    const items = await openai.responses.inputItems.list(response.id);
    expect(items.data).toEqual([
      {
        type: "message",
        id: expect.stringMatching(/^msg_/),
        role: "user",
        status: "completed",
        content: [{ type: "input_text", text: "Who are you?" }],
      },
    ]);

    // The openai SDK types the answer void; llama-stack-client reads upstream's body.
    await openai.responses.delete(response.id);
    await expect(openai.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
    const again = await openai.responses.create({ model: "llama-cpp/greeter", input: "Again" });
    expect(await client.responses.delete(again.id)).toEqual({
      id: again.id,
      object: "response",
      deleted: true,
    });
    await expect(openai.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
  });

  it("stops at max_output_tokens with status incomplete", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Who are you?",
      max_output_tokens: 3,
    });
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "max_output_tokens" });
    expect(response.usage!.output_tokens).toBe(3);
    expect(GREETING.startsWith(response.output_text)).toBe(true);
    expect(response.output_text.length).toBeGreaterThan(0);
  });

  it("sends token logprobs when include asks for message.output_text.logprobs", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Hi",
      include: ["message.output_text.logprobs"],
      top_logprobs: 2,
    });
    const part = (response.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0] as {
      logprobs: { token: string; logprob: number; top_logprobs: unknown[] }[];
    };
    expect(part.logprobs.map((l) => l.token).join("")).toBe(GREETING);
    for (const l of part.logprobs) {
      expect(l.logprob).toBeLessThanOrEqual(0);
      expect(l.top_logprobs).toHaveLength(2);
    }
    const plain = await openai.responses.create({ model: "llama-cpp/greeter", input: "Hi" });
    expect((plain.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0]).toMatchObject({
      logprobs: [],
    });
  });

  it("truncation auto drops the oldest items to fit the context; disabled answers 400 with both counts", async () => {
    const long = (n: number) => ({ role: "user" as const, content: `${"llama ".repeat(300)}${n}` });
    const input = [long(1), long(2), long(3), long(4), { role: "user" as const, content: "Hi" }];
    const refused = await raw("POST", "/v1/responses", { model: "llama-cpp/greeter", input });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/context is 1024 tokens; the messages take \d{4}/);
    const fitted = await openai.responses.create({ model: "llama-cpp/greeter", input, truncation: "auto" });
    expect(fitted.status).toBe("completed");
    expect(fitted.output_text).toBe(GREETING);
    expect(fitted.truncation).toBe("auto");
    expect(fitted.usage!.input_tokens).toBeLessThan(1024);
  });

  it("does not store a response with store: false", async () => {
    const response = await openai.responses.create({ model: "llama-cpp/greeter", input: "Hi", store: false });
    expect(response.output_text).toBe(GREETING);
    await expect(openai.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
  });

  it("returns a function call and continues with previous_response_id + function_call_output", async () => {
    const first = await openai.responses.create({
      model: "llama-cpp/weather",
      input: "Weather in Paris?",
      tools: [weatherTool],
    });
    expect(first.status).toBe("completed");
    expect(first.output).toEqual([
      {
        type: "function_call",
        id: expect.stringMatching(/^fc_/),
        call_id: expect.stringMatching(/^call_/),
        name: "get_weather",
        arguments: JSON.stringify({ city: "Paris" }),
        status: "completed",
      },
    ]);
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;

    const second = await openai.responses.create({
      model: "llama-cpp/greeter",
      previous_response_id: first.id,
      input: [{ type: "function_call_output", call_id: call.call_id, output: "Sunny, 21 C" }],
      tools: [weatherTool],
    });
    expect(second.status).toBe("completed");
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output_text).toBe(GREETING);
    // The model was given the whole chain: the first input, its call, and the call's output.
    const items = await openai.responses.inputItems.list(second.id, { order: "asc" });
    expect(items.data.map((item) => item.type)).toEqual(["message", "function_call", "function_call_output"]);
    expect(items.data[1]).toMatchObject({ call_id: call.call_id, name: "get_weather" });
  });

  it("runs a hosted tool (the code interpreter) until max_infer_iters and answers incomplete", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/coder",
      input: "What is 6 times 7? Use Python.",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      include: ["code_interpreter_call.outputs"],
      // upstream's cap on inference steps, which the openai SDK's types do not know
      ...({ max_infer_iters: 2 } as object),
    });
    expect(response.status).toBe("incomplete");
    expect(response.incomplete_details).toEqual({ reason: "max_infer_iters" });
    expect(response.output).toHaveLength(2);
    for (const item of response.output) {
      expect(item).toMatchObject({
        type: "code_interpreter_call",
        id: expect.stringMatching(/^ci_/),
        status: "completed",
        code: "print(6 * 7)",
        outputs: [{ type: "logs", logs: expect.stringContaining("42") }],
      });
    }
  }, 60_000);

  it("counts max_tool_calls across the response, then offers no more tools", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/coder",
      input: "What is 6 times 7?",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      // OpenAI's documented field, which this openai SDK version's request types lack
      ...({ max_tool_calls: 1 } as object),
    });
    expect(response.output.map((item) => item.type)).toEqual(["code_interpreter_call", "message"]);
    expect(response.status).toBe("completed");
    // Without `include: ["code_interpreter_call.outputs"]` the outputs are not sent (as OpenAI).
    expect(response.output[0]).toMatchObject({ code: "print(6 * 7)", outputs: null });
  }, 60_000);

  it("hands a tool's error to the model as its result instead of failing the response", async () => {
    // No tool-runtime provider serves web_search here: each call's result is the runtime's 404 text.
    const response = await openai.responses.create({
      model: "llama-cpp/searcher",
      input: "Find llamas.",
      tools: [{ type: "web_search_preview" }],
      ...({ max_infer_iters: 2 } as object),
    });
    expect(response.status).toBe("incomplete");
    expect(response.error).toBeNull();
    expect(response.output).toEqual([
      {
        type: "web_search_call",
        id: expect.stringMatching(/^ws_/),
        status: "failed",
        action: { type: "search", query: "llamas" },
      },
      expect.objectContaining({ type: "web_search_call", status: "failed" }),
    ]);
  });

  it("ends with a refusal when an input shield finds a violation, and runs no inference", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/greeter",
      input: "Tell me the admin password.",
    });
    expect(response.status).toBe("completed");
    expect(response.usage!.output_tokens).toBe(0);
    expect(response.output).toEqual([
      {
        type: "message",
        id: expect.stringMatching(/^msg_/),
        role: "assistant",
        status: "completed",
        content: [
          {
            type: "refusal",
            refusal: "Sorry, that message contains a blocked word. (violation type: blocked_word)",
          },
        ],
      },
    ]);
  });

  it("replaces an answer an output shield blocks with a refusal before the client sees it", async () => {
    const response = await openai.responses.create({ model: "llama-cpp/leaker", input: "What is it?" });
    expect(response.status).toBe("completed");
    expect(response.output).toEqual([
      {
        type: "message",
        id: expect.stringMatching(/^msg_/),
        role: "assistant",
        status: "completed",
        content: [
          {
            type: "refusal",
            refusal: "Sorry, that message contains a blocked word. (violation type: blocked_word)",
          },
        ],
      },
    ]);
    expect(JSON.stringify(await openai.responses.retrieve(response.id))).not.toContain("swordfish");
  });

  it("appends input and output items to a conversation, refusals included", async () => {
    const conversation = await openai.conversations.create({
      items: [{ type: "message", role: "user", content: "Earlier question" }],
    });
    const answered = await openai.responses.create({
      model: "llama-cpp/greeter",
      conversation: conversation.id,
      input: "Who are you?",
    });
    expect(answered.conversation).toEqual({ id: conversation.id });
    await openai.responses.create({
      model: "llama-cpp/greeter",
      conversation: conversation.id,
      input: "My password?",
    });
    const items = await openai.conversations.items.list(conversation.id, { order: "asc" });
    expect(
      items.data.map((item) => {
        const message = item as {
          role: string;
          content: { type: string; text?: string; refusal?: string }[];
        };
        return [message.role, message.content[0]!.text ?? message.content[0]!.refusal];
      }),
    ).toEqual([
      ["user", "Earlier question"],
      ["user", "Who are you?"],
      ["assistant", GREETING],
      ["user", "My password?"],
      ["assistant", "Sorry, that message contains a blocked word. (violation type: blocked_word)"],
    ]);
    // The second response's model saw the conversation so far.
    const second = await openai.responses.inputItems.list(answered.id, { order: "asc" });
    expect(second.data).toHaveLength(2);
  });
});

describe("ownership", () => {
  it("keeps a principal's responses from another: get, list, input items, delete and continuing are 404s", async () => {
    const mine = await openai.responses.create({ model: "llama-cpp/greeter", input: "Who are you?" });
    const bob = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: BOB, maxRetries: 0 });
    await expect(bob.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.responses.inputItems.list(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.responses.delete(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      bob.responses.create({ model: "llama-cpp/greeter", previous_response_id: mine.id, input: "And?" }),
    ).rejects.toMatchObject({ status: 404 });
    const bobs = await bob.responses.create({ model: "llama-cpp/greeter", input: "Hi" });
    const listed = (await client.responses.list({ limit: 100 })).data.map((r) => r.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(bobs.id);
    expect((await openai.responses.retrieve(mine.id)).id).toBe(mine.id);
  });
});

describe("prompts in responses", () => {
  it("renders a stored prompt with variables; an undeclared or missing variable is a 400", async () => {
    const { prompt_id } = await client.prompts.create({
      prompt: "You answer questions about {{ topic }}.",
      variables: ["topic"],
    });
    const response = await openai.responses.create({
      model: "llama-cpp/greeter",
      prompt: { id: prompt_id, variables: { topic: "cats" } },
      input: "Who are you?",
    });
    expect(response.status).toBe("completed");
    expect(response.prompt).toEqual({ id: prompt_id, variables: { topic: "cats" } });
    const undeclared = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      prompt: { id: prompt_id, variables: { topic: "cats", mood: "sad" } },
      input: "Hi",
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.message).toContain("mood");
    const missing = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      prompt: { id: prompt_id },
      input: "Hi",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("topic");
    const unknown = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      prompt: { id: "pmpt_0000" },
      input: "Hi",
    });
    expect([400, 404]).toContain(unknown.status);
  });
});

describe("bad input", () => {
  it("answers 404 for an unknown previous_response_id", async () => {
    const { status, body } = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: "Hi",
      previous_response_id: "resp_missing",
    });
    expect(status).toBe(404);
    expect(body.error.message).toContain("resp_missing");
  });

  it("answers 400 for a function_call_output with no pending call", async () => {
    const { status, body } = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: [{ type: "function_call_output", call_id: "call_nowhere", output: "42" }],
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain("call_nowhere");
  });

  it("answers 400 for conversation with previous_response_id", async () => {
    const { status, body } = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: "Hi",
      conversation: "conv_x",
      previous_response_id: "resp_x",
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain("previous_response_id");
  });

  it("answers 400 for an unknown tool type", async () => {
    const { status, body } = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: "Hi",
      tools: [{ type: "teleport" }],
    });
    expect(status).toBe(400);
    expect(body.error.param).toContain("tools");
  });

  it("answers 400 for nothing to answer, 404 for an unknown model or conversation", async () => {
    const empty = await raw("POST", "/v1/responses", { model: "llama-cpp/greeter", input: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.param).toBe("input");
    const model = await raw("POST", "/v1/responses", { model: "llama-cpp/nobody", input: "Hi" });
    expect(model.status).toBe(404);
    expect(model.body.error.message).toContain("llama-cpp/nobody");
    const conversation = await raw("POST", "/v1/responses", {
      model: "llama-cpp/greeter",
      input: "Hi",
      conversation: `conv_${"0".repeat(48)}`,
    });
    expect(conversation.status).toBe(404);
  });

  it("answers 404 for an unknown response id on get, delete and input items", async () => {
    for (const [method, path] of [
      ["GET", "/v1/responses/resp_nope"],
      ["DELETE", "/v1/responses/resp_nope"],
      ["GET", "/v1/responses/resp_nope/input_items"],
    ] as const) {
      expect((await raw(method, path)).status).toBe(404);
    }
  });
});
