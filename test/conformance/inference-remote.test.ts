import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.ts";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// The remote OpenAI-compatible provider against a real OpenAI-compatible server: a second
// llama-stack-ts serving a tiny model (as vLLM or llama.cpp's server would).
const GREETING = "Hello! I am a tiny test model.";
let engine: TestStack;
let gateway: TestStack;
let openai: OpenAI;
let deadPort: number;

beforeAll(async () => {
  const greeter = await chainModelPath(GREETING);
  engine = await startTestStack(
    llamaCppConfig([
      { model_id: "greeter", source: greeter, chat_format: "llama3_1" },
      { model_id: "embed", source: greeter, model_type: "embedding", metadata: { embedding_dimension: 128 } },
    ]),
  );
  deadPort = await freePort();
  gateway = await startTestStack({
    distro_name: "gateway",
    apis: ["inference"],
    providers: {
      inference: [
        {
          provider_id: "engine",
          provider_type: "remote::openai-compat",
          config: {
            base_url: `${engine.url}/v1`,
            api_key: "engine-key",
            models: [
              {
                model_id: "llama-cpp/embed",
                model_type: "embedding",
                metadata: { embedding_dimension: 128 },
              },
            ],
          },
        },
        {
          provider_id: "down",
          provider_type: "remote::vllm",
          config: {
            base_url: `http://127.0.0.1:${deadPort}/v1`,
            discover_models: false,
            max_retries: 1,
            models: [{ model_id: "m" }],
          },
        },
      ],
    },
  });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await engine?.close();
});

describe("remote::openai-compat", () => {
  it("discovers the engine's models under the provider id", async () => {
    const ids = (await openai.models.list()).data.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(["engine/llama-cpp/greeter", "engine/llama-cpp/embed", "down/m"]),
    );
  });

  it("relays a chat completion and names the model as the caller did", async () => {
    const completion = await openai.chat.completions.create({
      model: "engine/llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
    });
    expect(completion.choices[0]!.message.content).toBe(GREETING);
    expect(completion.model).toBe("engine/llama-cpp/greeter");
    expect(completion.usage?.completion_tokens).toBe(9);
  });

  it("relays a stream chunk by chunk, usage included", async () => {
    const stream = await openai.chat.completions.create({
      model: "engine/llama-cpp/greeter",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
      usage ??= chunk.usage;
      expect(chunk.model).toBe("engine/llama-cpp/greeter");
    }
    expect(text).toBe(GREETING);
    expect(chunks).toBeGreaterThan(5);
    expect(usage?.total_tokens).toBeGreaterThan(9);
  });

  it("relays embeddings and stores gateway completions for listing", async () => {
    const result = await openai.embeddings.create({
      model: "engine/llama-cpp/embed",
      input: "x",
      encoding_format: "float",
    });
    expect(result.data[0]!.embedding).toHaveLength(128);
    const client = new LlamaStackClient({ baseURL: gateway.url, maxRetries: 0 });
    const stored = await client.chat.completions.list({ model: "engine/llama-cpp/greeter" });
    expect(stored.data.length).toBeGreaterThanOrEqual(2);
  });

  it("relays /v1/completions with a batch of prompts, one choice per prompt, streaming and not", async () => {
    const prompts = ["Hello! I am", "Hello! I am a tiny"];
    const completion = await openai.completions.create({
      model: "engine/llama-cpp/greeter",
      prompt: prompts,
      max_tokens: 20,
      temperature: 0,
    });
    expect(completion.model).toBe("engine/llama-cpp/greeter");
    expect(completion.choices.map(({ index, text }) => ({ index, text }))).toEqual([
      { index: 0, text: " a tiny test model." },
      { index: 1, text: " test model." },
    ]);
    expect(completion.usage?.completion_tokens).toBe(5 + 3);
    const stream = await openai.completions.create({
      model: "engine/llama-cpp/greeter",
      prompt: prompts,
      max_tokens: 20,
      temperature: 0,
      stream: true,
    });
    const texts = ["", ""];
    const finishes: number[] = [];
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.text;
        if (choice.finish_reason) finishes.push(choice.index);
      }
    }
    expect(texts).toEqual([" a tiny test model.", " test model."]);
    expect(finishes).toEqual([0, 1]);
  });

  it("maps the engine's errors to ours: its 400 stays a 400 with its message", async () => {
    const error = await openai.chat.completions
      .create({
        model: "engine/llama-cpp/greeter",
        messages: [{ role: "user", content: "word ".repeat(3000) }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain("context is");
  });

  it("answers 502 with the address when the engine cannot be reached", async () => {
    const error = await openai.chat.completions
      .create({ model: "down/m", messages: [{ role: "user", content: "Hi" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((error as Error).message).toContain(
      `Cannot reach vLLM at http://127.0.0.1:${deadPort}/v1/chat/completions`,
    );
  });

  it("reports the engine's health in GET /v1/providers", async () => {
    const providers = (await (await fetch(`${gateway.url}/v1/providers`)).json()) as {
      data: { provider_id: string; health: { status: string }; config: Record<string, unknown> }[];
    };
    const byId = Object.fromEntries(providers.data.map((p) => [p.provider_id, p]));
    expect(byId.engine?.health.status).toBe("OK");
    expect(byId.engine?.config.api_key).toBe("********");
    expect(byId.down?.health.status).toBe("Error");
  });
});
