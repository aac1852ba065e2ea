import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// One sequence, a queue of one: what clients see when the engine is busy or they go away.
let engine: TestStack;
let gateway: TestStack;
let openai: OpenAI;

const ask = (client: OpenAI, model: string, maxTokens: number, signal?: AbortSignal) =>
  client.chat.completions.create(
    {
      model,
      messages: [{ role: "user", content: "Tell me a long story" }],
      max_completion_tokens: maxTokens,
      temperature: 0,
    },
    signal ? { signal } : {},
  );

beforeAll(async () => {
  const tiny = await tinyLlamaPath();
  engine = await startTestStack(
    llamaCppConfig([{ model_id: "tiny", source: tiny, chat_format: "llama3_1", parallel: 1 }], {
      max_queued_requests: 1,
    }),
  );
  gateway = await startTestStack({
    distro_name: "gateway",
    apis: ["inference"],
    providers: {
      inference: [
        {
          provider_id: "engine",
          provider_type: "remote::openai-compat",
          config: { base_url: `${engine.url}/v1`, max_retries: 6 },
        },
      ],
    },
  });
  openai = new OpenAI({ baseURL: `${engine.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await engine?.close();
});

describe("busy engine", () => {
  it("queues one request, then answers 429 with Retry-After instead of piling up", async () => {
    const results = await Promise.allSettled([
      ask(openai, "llama-cpp/tiny", 200),
      ask(openai, "llama-cpp/tiny", 200),
      ask(openai, "llama-cpp/tiny", 200),
    ]);
    const rejected = results
      .filter((r) => r.status === "rejected")
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(OpenAI.RateLimitError);
    expect(
      Number((rejected[0] as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("retry-after")),
    ).toBeGreaterThan(0);
  });

  it("a streaming request that cannot be queued gets HTTP 429 with Retry-After before any SSE header", async () => {
    const stream = (content: string) =>
      fetch(`${engine.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "llama-cpp/tiny",
          messages: [{ role: "user", content }],
          max_completion_tokens: 200,
          temperature: 0,
          stream: true,
        }),
      });
    // One generates, one queues, one finds the queue full (whichever arrives last).
    const responses = await Promise.all([stream("first"), stream("second"), stream("third")]);
    const refused = responses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused[0]!.json()) as { error: unknown }).error).toMatchObject({
      type: "rate_limit_error",
    });
    const served = responses.filter((r) => r.status !== 429);
    expect(served.map((r) => r.status)).toEqual([200, 200]);
    for (const response of served) expect(await response.text()).toContain("data: [DONE]");
  });

  it("a gateway in front retries the 429s with backoff until the engine has room", async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: "none", maxRetries: 0 });
    const results = await Promise.all([1, 2, 3].map(() => ask(client, "engine/llama-cpp/tiny", 50)));
    expect(results.map((r) => r.usage?.completion_tokens)).toEqual([50, 50, 50]);
  });

  it("a client that disconnects frees its sequence for the next request", async () => {
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      {
        model: "llama-cpp/tiny",
        messages: [{ role: "user", content: "Go on forever" }],
        max_completion_tokens: 1500,
        temperature: 0,
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    try {
      for await (const _chunk of stream) {
        if (++chunks === 5) controller.abort();
      }
    } catch {
      // the SDK reports the abort
    }
    // The server learns of the disconnect asynchronously, so a pair sent at once may still find
    // the sequence busy (one queues, one gets 429). It must be free well before the 1500 tokens
    // would have ended (about 5 s on one CPU thread): try the pair until both are served at once.
    const aborted = Date.now();
    for (;;) {
      const next = await Promise.allSettled([
        ask(openai, "llama-cpp/tiny", 5),
        ask(openai, "llama-cpp/tiny", 5),
      ]);
      const refused = next.filter((r) => r.status === "rejected");
      for (const r of refused) expect(r.reason).toBeInstanceOf(OpenAI.RateLimitError);
      if (refused.length === 0) {
        expect(next.map((r) => (r.status === "fulfilled" ? r.value.usage?.completion_tokens : 0))).toEqual([
          5, 5,
        ]);
        break;
      }
      expect(Date.now() - aborted).toBeLessThan(1500);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
