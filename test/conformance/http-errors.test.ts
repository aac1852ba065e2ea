import { connect } from "node:net";
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

describe("the edge policy (issue 10)", () => {
  const post = (path: string, text: string) => call(path, { method: "POST", headers: json, body: text });

  it("400 naming the field for NUL, unpaired surrogates, deep nesting and over-long ids", async () => {
    const nul = await call("/v1/models/x%00y");
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({ param: "path.model_id", type: "invalid_request_error" });
    expect(nul.body.error.message).toContain("NUL");
    const surrogate = await post("/v1/models", '{"model_id":"a\\ud800"}');
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error.param).toBe("body.model_id");
    const deep = await post(
      "/v1/models",
      `{"model_id":"m","metadata":${'{"a":['.repeat(50)}1${"]}".repeat(50)}}`,
    );
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toContain("deeper than 64 levels");
    const long = await post("/v1/models", JSON.stringify({ model_id: "m".repeat(300) }));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe(
      "Invalid request: body.model_id is 300 characters long as an id; the limit is 256.",
    );
  });

  it("requests Node's HTTP parser refuses get the JSON envelope too", async () => {
    const { port } = new URL(ts.url);
    const raw = (text: string) =>
      new Promise<{ status: number; body: { error: { message: string; type: string } } }>(
        (resolve, reject) => {
          let reply = "";
          const socket = connect(Number(port), "127.0.0.1", () => socket.write(text));
          socket.on("data", (data) => {
            reply += data;
          });
          socket.on("error", reject);
          socket.on("close", () => {
            const [head = "", body = ""] = reply.split("\r\n\r\n");
            expect(head).toMatch(/content-type: application\/json/i);
            resolve({ status: Number(head.split(" ")[1]), body: JSON.parse(body) });
          });
        },
      );
    const method = await raw("BREW /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(method.status).toBe(400);
    expect(method.body.error.message).toContain("Unknown HTTP method");
    const url = await raw(`GET /v1/health?${"a".repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(url.status).toBe(431);
    expect(url.body.error.type).toBe("invalid_request_error");
    const length = await raw("POST /v1/models HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
    expect(length.status).toBe(400);
    expect(length.body.error.message).toContain("Content-Length");
  });

  it("413 reaches a client that sends its whole body before reading", async () => {
    const { port } = new URL(ts.url);
    const size = 4 * 1024 * 1024;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1");
      socket.pause(); // reads nothing until it has sent everything, like curl or Python's requests
      let text = "";
      socket.on("data", (data) => {
        text += data;
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(text));
      socket.write(
        `POST /v1/models HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`,
      );
      // Slower than the 500 ms Hono's adapter drains a refused body for before resetting.
      let sent = 0;
      const next = () => {
        if (sent >= size) return socket.resume();
        sent += 256 * 1024;
        socket.write(Buffer.alloc(256 * 1024, "a"), () => setTimeout(next, 50));
      };
      next();
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain("1024 bytes");
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
