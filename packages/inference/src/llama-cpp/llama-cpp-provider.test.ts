import {
  type ChatCompletionRequest,
  type InferenceProvider,
  InvalidRequestError,
  type Logger,
  type Model,
} from "@llama-stack-ts/api";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaCppConfigSchema } from "./llama-cpp-config.ts";
import { createLlamaCppProvider } from "./llama-cpp-provider.ts";

// Input llama.cpp cannot take must be the caller's 400, never an engine error (500).
const logger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => logger };
const VOCABULARY = 128_256; // the tiny Llama's, Llama 3's
const EMBED_CONTEXT = 256;

let provider: InferenceProvider;
const model = (id: string, type: Model["model_type"] = "llm"): Model => ({
  identifier: `llama-cpp/${id}`,
  provider_id: "llama-cpp",
  provider_resource_id: id,
  model_type: type,
  metadata: {},
  type: "model",
});
const chat = model("tiny");
const embedder = model("tiny-embed", "embedding");

beforeAll(async () => {
  const source = await tinyLlamaPath();
  const config = LlamaCppConfigSchema.parse({
    gpu: false,
    threads: 1,
    models: [
      { model_id: "tiny", source, chat_format: "llama3_1", context_size: 512, parallel: 1 },
      { model_id: "tiny-embed", source, model_type: "embedding", context_size: EMBED_CONTEXT },
    ],
  });
  provider = createLlamaCppProvider(config, logger);
});
afterAll(async () => {
  await provider?.shutdown?.();
});

/** The error a call fails with (the test fails if it succeeds). */
async function failure(call: () => Promise<unknown>): Promise<InvalidRequestError> {
  const error = await call().then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidRequestError);
  return error as InvalidRequestError;
}

const ask = (extra: Partial<ChatCompletionRequest>) =>
  provider.chatCompletion(
    chat,
    { model: chat.identifier, messages: [{ role: "user", content: "Hi" }], max_tokens: 4, ...extra },
    {},
  );
const jsonSchema = (schema: Record<string, unknown>): Partial<ChatCompletionRequest> => ({
  response_format: { type: "json_schema", json_schema: { name: "answer", schema } },
});
const tool = (name: string, parameters: Record<string, unknown>) => ({
  type: "function" as const,
  function: { name, parameters },
});

describe("schemas the grammar engine cannot build", () => {
  it("refuses minLength 1e9 and minItems 1e5 before building a grammar, naming the keyword", async () => {
    const long = await failure(() =>
      ask(jsonSchema({ type: "object", properties: { a: { type: "string", minLength: 1e9 } } })),
    );
    expect(long.param).toBe("response_format.json_schema.schema.properties.a.minLength");
    expect(long.message).toBe(
      "response_format.json_schema.schema.properties.a.minLength is 1000000000; constrained decoding supports at most 1000.",
    );
    const many = await failure(() =>
      ask(jsonSchema({ type: "array", items: { type: "integer" }, minItems: 100_000 })),
    );
    expect(many.param).toBe("response_format.json_schema.schema.minItems");
  });

  it("refuses a 1,000-deep schema at the first level past the cap", async () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let depth = 0; depth < 1000; depth++) schema = { type: "object", properties: { a: schema } };
    const error = await failure(() => ask(jsonSchema(schema)));
    expect(error.param).toBe(`response_format.json_schema.schema${".properties.a".repeat(33)}`);
    expect(error.message).toContain("is nested 33 levels deep; constrained decoding supports at most 32.");
    const call = await failure(() => ask({ tools: [tool("deep", schema)] }));
    expect(call.param).toBe(`tools[0].function.parameters${".properties.a".repeat(33)}`);
  });

  it("names the tool whose parameters cannot be a grammar, for a forced call and an auto-mode Llama 3.1 call", async () => {
    const tools = [
      tool("ok", { type: "object", properties: { q: { type: "string" } } }),
      tool("greedy", { type: "object", properties: { q: { type: "string", minLength: 1e9 } } }),
    ];
    for (const tool_choice of ["required", "auto"] as const) {
      const error = await failure(() => ask({ tools, tool_choice }));
      expect(error.param).toBe("tools[1].function.parameters.properties.q.minLength");
    }
  });

  it("answers what the engine still cannot build with a 400 naming the schema", async () => {
    const odd = { type: "object", properties: { a: { enum: [{ nested: true }] } } };
    const format = await failure(() => ask(jsonSchema(odd)));
    expect(format.param).toBe("response_format.json_schema.schema");
    expect(format.message).toContain("cannot be turned into a grammar for constrained decoding");
    const call = await failure(() =>
      ask({ tools: [tool("plain", { type: "object" }), tool("odd", odd)], tool_choice: "required" }),
    );
    expect(call.param).toBe("tools[1].function.parameters");
  });
});

describe("token ids outside the vocabulary", () => {
  it("refuses them in /v1/completions, naming the prompt and the id's index", async () => {
    const complete = (prompt: number[] | number[][]) =>
      provider.completion(chat, { model: chat.identifier, prompt, max_tokens: 2 }, {});
    const single = await failure(() => complete([1, 2, 999_999]));
    expect(single.param).toBe("prompt[2]");
    expect(single.message).toBe(
      `prompt[2] is token id 999999; this model's token ids are integers from 0 to ${VOCABULARY - 1}.`,
    );
    const batch = await failure(() =>
      complete([
        [1, 2],
        [3, VOCABULARY],
      ]),
    );
    expect(batch.param).toBe("prompt[1][1]");
    // The last id of the vocabulary is still one.
    const last = await provider.completion(
      chat,
      { model: chat.identifier, prompt: [1, VOCABULARY - 1], max_tokens: 1 },
      {},
    );
    expect(last.choices).toHaveLength(1);
  });

  it("refuses logit_bias keys that are not token ids of the model", async () => {
    const chatBias = await failure(() => ask({ logit_bias: { "15": 1, "999999": 5 } }));
    expect(chatBias.param).toBe("logit_bias.999999");
    expect(chatBias.message).toContain(`its token ids are integers from 0 to ${VOCABULARY - 1}`);
    const completionBias = await failure(() =>
      provider.completion(chat, { model: chat.identifier, prompt: "Hi", logit_bias: { "-3": 2 } }, {}),
    );
    expect(completionBias.param).toBe("logit_bias.-3");
  });

  it("refuses them in /v1/embeddings", async () => {
    const embed = (input: number[] | number[][]) =>
      provider.embeddings(embedder, { model: embedder.identifier, input }, {});
    expect((await failure(() => embed([5, VOCABULARY]))).param).toBe("input[1]");
    expect((await failure(() => embed([[5], [6, 7, 1e9]]))).param).toBe("input[1][2]");
  });
});

describe("embedding inputs longer than the context", () => {
  const embed = (input: string | number[], truncate?: boolean) =>
    provider.embeddings(
      embedder,
      { model: embedder.identifier, input, encoding_format: "float", truncate },
      {},
    );

  it("truncates a 1 MB input to the context with truncate: true, quickly", async () => {
    const huge = "llamas graze on the high plains ".repeat(33_000); // ~1 MB
    const started = performance.now();
    const result = await embed(huge, true);
    expect(performance.now() - started).toBeLessThan(5_000);
    // Its start alone gives the same vector: the cut kept the first tokens.
    const start = await embed("llamas graze on the high plains ".repeat(60), true);
    expect(result.usage.prompt_tokens).toBe(start.usage.prompt_tokens);
    expect(result.usage.prompt_tokens).toBe(EMBED_CONTEXT - 2); // with <|begin_of_text|>, below 256
    expect(result.data[0]!.embedding).toEqual(start.data[0]!.embedding);
  });

  it("fits token arrays exactly at the limit, truncates longer ones, and refuses them without truncate with both counts", async () => {
    const fits = Array.from({ length: EMBED_CONTEXT - 2 }, (_, i) => 1000 + i);
    expect((await embed(fits)).data[0]!.embedding).toHaveLength(64);
    const over = [...fits, 42];
    expect((await embed(over, true)).usage.prompt_tokens).toBe(EMBED_CONTEXT - 2);
    const refused = await failure(() => embed(over));
    expect(refused.param).toBe("input");
    expect(refused.message).toBe(
      `input has ${EMBED_CONTEXT} tokens with the model's begin and end tokens; model 'llama-cpp/tiny-embed' embeds at most ${EMBED_CONTEXT - 1}.`,
    );
    const text = await failure(() => embed("word ".repeat(10_000)));
    expect(text.message).toMatch(/^input has 1000\d tokens .* embeds at most 255\.$/);
  });
});

describe("prefix-cache usage", () => {
  it("reports the prompt tokens kept from the sequence's cache as prompt_tokens_details.cached_tokens", async () => {
    const messages = [{ role: "user" as const, content: "Tell me about the prefix cache." }];
    const first = await ask({ messages });
    const again = await ask({ messages });
    // One sequence: the repeat finds the whole prompt cached but its last token (it yields the first logits).
    expect(again.usage!.prompt_tokens).toBe(first.usage!.prompt_tokens);
    expect(again.usage!.prompt_tokens_details).toEqual({ cached_tokens: again.usage!.prompt_tokens - 1 });
    const followUp = await ask({
      messages: [
        ...messages,
        { role: "assistant", content: first.choices[0]!.message.content ?? "" },
        { role: "user", content: "And then?" },
      ],
    });
    // The next turn keeps at least the first turn's prompt; the rest of it is new.
    const cached = followUp.usage!.prompt_tokens_details!.cached_tokens;
    expect(cached).toBeGreaterThanOrEqual(first.usage!.prompt_tokens - 1);
    expect(cached).toBeLessThan(followUp.usage!.prompt_tokens);
  });
});
