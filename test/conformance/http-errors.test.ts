import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Bad input gets the right 4xx in the error envelope, never a 500.
let ts: TestStack;

beforeAll(async () => {
  const config = catalogConfig({
    server: { max_request_body_bytes: 1024, cors: { allow_origins: ["http://app.test"] } },
  });
  config.providers!.inference!.push({
    provider_id: "overflow",
    provider_type: "remote::overflowing-stream",
    module: "./fixtures/providers/overflowing-stream-inference.ts",
    config: {},
  });
  ts = await startTestStack(config);
});
afterAll(async () => {
  await ts?.close();
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${ts.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const json = { "content-type": "application/json" };

describe("error envelope", () => {
  it("400 for malformed JSON, naming the problem", async () => {
    const { status, body } = await call("/v1/models", {
      method: "POST",
      headers: json,
      body: '{"model_id": ',
    });
    expect(status).toBe(400);
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/^Request body is not valid JSON: /);
  });

  it("400 for a missing required field, naming the field", async () => {
    const { status, body } = await call("/v1/models", { method: "POST", headers: json, body: "{}" });
    expect(status).toBe(400);
    expect(body.error.message).toContain("body.model_id");
    expect(body.error.param).toBe("body.model_id");
  });

  it("400 for an unknown query value", async () => {
    const { status, body } = await call("/v1/inspect/routes?api_filter=v9");
    expect(status).toBe(400);
    expect(body.error.message).toContain("query.api_filter");
  });

  it("413 for a body over server.max_request_body_bytes", async () => {
    const big = JSON.stringify({ model_id: "x", metadata: { pad: "a".repeat(4096) } });
    const { status, body } = await call("/v1/models", { method: "POST", headers: json, body: big });
    expect(status).toBe(413);
    expect(body.error.message).toContain("1024 bytes");
  });

  it("415 for a body that is not JSON", async () => {
    const { status, body } = await call("/v1/models", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "model_id=x",
    });
    expect(status).toBe(415);
    expect(body.error.message).toContain("application/json");
  });

  it("404 for an unknown route and 405 for a wrong method, with Allow", async () => {
    const missing = await call("/v1/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      "Route 'GET /v1/nope' not found. See GET /v1/inspect/routes or /docs.",
    );
    const wrong = await call("/v1/health", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("405 and the unknown-route 404 come from the error family, headers included", async () => {
    const wrong = await call("/v1/models", { method: "PATCH" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect(wrong.headers.get("x-should-retry")).toBe("false");
    expect(wrong.body).toEqual({
      error: {
        message: "Method PATCH is not allowed on /v1/models; use GET or POST.",
        type: "invalid_request_error",
        code: "405",
      },
    });
    const missing = await call("/v1/nope");
    expect(missing.headers.get("x-should-retry")).toBe("false");
    expect(missing.body.error).toMatchObject({ type: "not_found_error", code: "route_not_found" });
  });

  it("426 for a client of another API generation; 0.7.x passes", async () => {
    const old = await call("/v1/models", { headers: { "x-llamastack-client-version": "0.5.2" } });
    expect(old.status).toBe(426);
    expect(old.body.error.message).toContain("0.5.2");
    expect((await call("/v1/models", { headers: { "x-llamastack-client-version": "0.7.3" } })).status).toBe(
      200,
    );
  });

  it("the client raises its own error class with the server's message", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const error = await client.post("/v1/models", { body: { model_id: 7 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.BadRequestError);
    expect((error as Error).message).toContain("body.model_id");
  });
});

describe("errors after the first streamed byte", () => {
  const request = {
    model: "overflow/tiny-context",
    messages: [{ role: "user" as const, content: "a long prompt" }],
    stream: true as const,
  };
  const expected = {
    message: "The prompt needs 600 tokens; the model's context holds 512.",
    type: "invalid_request_error",
    code: "context_length_exceeded",
    param: "messages",
  };

  it("arrive as one SSE error event that keeps the error's code", async () => {
    const response = await fetch(`${ts.url}/v1/chat/completions`, {
      method: "POST",
      headers: json,
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(200);
    const events = (await response.text()).split("\n\n").filter(Boolean);
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]!.replace(/^data: /, ""))).toEqual({ error: expected });
  });

  it("the openai SDK raises them with code and param", async () => {
    const openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
    const stream = await openai.chat.completions.create(request);
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ code: "context_length_exceeded", param: "messages" });
  });

  it("llama-stack-client raises them with the error body", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const stream = await client.chat.completions.create(request);
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.APIError);
    expect((error as InstanceType<typeof LlamaStackClient.APIError>).error).toEqual(expected);
  });
});

describe("request ids and CORS", () => {
  it("echoes a sane x-request-id and generates one otherwise", async () => {
    const mine = await call("/v1/health", { headers: { "x-request-id": "trace-123" } });
    expect(mine.headers.get("x-request-id")).toBe("trace-123");
    const generated = await call("/v1/health", { headers: { "x-request-id": "bad id with spaces" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it("answers preflight for configured origins only", async () => {
    const allowed = await fetch(`${ts.url}/v1/models`, {
      method: "OPTIONS",
      headers: { origin: "http://app.test", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("x-stainless-retry-count");
    const other = await fetch(`${ts.url}/v1/models`, { headers: { origin: "http://evil.test" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
