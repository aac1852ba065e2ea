import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { toErrorResponse } from "../errors/error-response.ts";
import type { AppEnv } from "../http/app-env.ts";
import { jsonBodyLimit } from "./json-body-limit.ts";

const app = new Hono<AppEnv>();
app.use(jsonBodyLimit(16));
app.post("/echo", async (c) => c.text(await c.req.text()));
app.onError((error, c) => {
  const response = toErrorResponse(error);
  return c.json(response.body, response.status as 413);
});

const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe("jsonBodyLimit", () => {
  it("passes a body within the declared limit on, still readable", async () => {
    const response = await app.request("/echo", {
      method: "POST",
      headers: { "content-length": "7" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
  });

  it("answers 413 from the declared Content-Length alone", async () => {
    const response = await app.request("/echo", {
      method: "POST",
      headers: { "content-length": "17" },
      body: "x".repeat(17),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("16 bytes");
  });

  it("counts a body sent without Content-Length", async () => {
    const small = await app.request("/echo", { method: "POST", body: streamOf("tiny"), duplex: "half" });
    expect(await small.text()).toBe("tiny");
    const big = await app.request("/echo", {
      method: "POST",
      body: streamOf("x".repeat(17)),
      duplex: "half",
    });
    expect(big.status).toBe(413);
  });
});
