import { dataListSchema, RegisterShieldRequestSchema, ShieldSchema } from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const ShieldIdParams = z.object({ identifier: z.string().min(1).describe("May contain '/'.") });

export function shieldsRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "GET",
      path: "/v1/shields",
      api: "shields",
      summary: "List the shields this caller can use.",
      response: dataListSchema(ShieldSchema),
      handler: async ({ stack, call }) => ({ data: await stack.shields.list(call) }),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/shields/{identifier:path}",
      api: "shields",
      summary: "One shield.",
      params: ShieldIdParams,
      response: ShieldSchema,
      handler: async ({ stack, params, call }) => stack.shields.get(params.identifier, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/shields",
      api: "shields",
      summary:
        "Register a shield with a safety provider (legacy; prefer registered_resources in the run config).",
      description:
        "`provider_id` may be omitted when one safety provider is configured; `provider_shield_id` defaults to `shield_id`. `params.on_error` (`block` | `allow`) and `params.touchpoints` override the provider's defaults.",
      deprecated: true,
      body: RegisterShieldRequestSchema,
      response: ShieldSchema,
      handler: async ({ stack, body, call }) => stack.shields.register(body, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/shields/{identifier:path}",
      api: "shields",
      summary: "Unregister a shield registered through the API (legacy).",
      deprecated: true,
      params: ShieldIdParams,
      status: 204,
      handler: async ({ stack, params, call }) => {
        await stack.shields.unregister(params.identifier, call);
        return null;
      },
    }),
  ];
}
