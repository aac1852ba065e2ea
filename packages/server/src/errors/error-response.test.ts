import {
  ConflictError,
  InvalidRequestError,
  MethodNotAllowedError,
  NotFoundError,
  RateLimitError,
  ServiceUnavailableError,
  StackError,
} from "@llama-stack-ts/api";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toErrorResponse } from "./error-response.ts";

describe("toErrorResponse", () => {
  it("maps each error kind to its status and the envelope", () => {
    expect(toErrorResponse(new InvalidRequestError("bad", { param: "model" }))).toMatchObject({
      status: 400,
      body: { error: { message: "bad", type: "invalid_request_error", code: "400", param: "model" } },
    });
    expect(toErrorResponse(new NotFoundError("Model", "m")).body.error).toEqual({
      message: "Model 'm' not found.",
      type: "not_found_error",
      code: "model_not_found",
    });
    expect(toErrorResponse(new ServiceUnavailableError("off")).status).toBe(503);
  });

  it("answers 405 with the Allow header for a method the path does not take", () => {
    expect(toErrorResponse(new MethodNotAllowedError("PUT", "/v1/models", ["GET", "POST"]))).toMatchObject({
      status: 405,
      body: { error: { type: "invalid_request_error", code: "405" } },
      headers: { allow: "GET, POST", "x-should-retry": "false" },
    });
  });

  it("answers 400 for missing resources under /v1/vector_stores, as upstream does", () => {
    expect(
      toErrorResponse(new NotFoundError("Vector store", "vs_1"), { vectorStoresQuirk: true }).status,
    ).toBe(400);
  });

  it("tells clients when and whether to retry", () => {
    const limited = toErrorResponse(new RateLimitError("queue full", { retryAfterSeconds: 2.5 }));
    expect(limited.status).toBe(429);
    expect(limited.headers).toEqual({ "retry-after": "3", "x-should-retry": "true" });
    expect(toErrorResponse(new ConflictError("exists", { retryable: false })).headers["x-should-retry"]).toBe(
      "false",
    );
  });

  it("recognises errors from another copy of the api package by their marker", () => {
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("llama-stack-ts.stack-error")]: true,
      kind: "conflict",
    });
    expect(StackError.isInstance(foreign)).toBe(true);
    expect(toErrorResponse(foreign).status).toBe(409);
  });

  it("turns zod errors into 400 and hides unexpected errors behind a generic 500", () => {
    const zodError = z.object({ a: z.number() }).safeParse({ a: "x" }).error!;
    expect(toErrorResponse(zodError)).toMatchObject({ status: 400, body: { error: { param: "a" } } });
    const hidden = toErrorResponse(new TypeError("secret internals"));
    expect(hidden).toMatchObject({ status: 500, unexpected: true });
    expect(JSON.stringify(hidden.body)).not.toContain("secret");
    expect(toErrorResponse(new HTTPException(408, { message: "slow" })).status).toBe(408);
  });
});
