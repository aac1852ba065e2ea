import type { ApiCall, ApiName } from "@llama-stack-ts/api";
import type { AccessContext, Stack } from "@llama-stack-ts/core";
import type { Context } from "hono";
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  access: AccessContext;
  /** What every Stack API call takes: `access`, the request's `signal`, and provider data. */
  call: ApiCall;
  stack: Stack;
  /** Aborted when the client goes away or the server shuts down. */
  signal: AbortSignal;
  context: Context;
}

/**
 * One HTTP route: its path, schemas and handler. The same list drives routing, request
 * validation, `GET /v1/inspect/routes` and the OpenAPI document.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI style: `/v1/models/{model_id:path}` for a parameter that may contain `/`. */
  path: string;
  /** The API the route belongs to, for `api_filter` and provider types. */
  api: ApiName;
  summary: string;
  description?: string;
  deprecated?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A multipart/form-data body, documented only: the handler streams it from `context.req.raw`
   * itself, and the JSON body limit does not apply (the handler enforces its own).
   */
  multipart?: z.ZodType;
  response?: z.ZodType;
  /** The response's media type when it is not JSON (the handler returns a `Response`). */
  responseMediaType?: string;
  /** 200 by default; 204 for routes that return nothing. */
  status?: 200 | 201 | 204;
  /** Paths the auth check skips (health, version). */
  public?: boolean;
  handler(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
}

/** Typed helper; returns the spec unchanged. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
