import {
  ModerationRequestSchema,
  ModerationResponseSchema,
  RunShieldRequestSchema,
  RunShieldResponseSchema,
} from "@llama-stack-ts/api";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

export function safetyRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/safety/run-shield",
      api: "safety",
      summary: "Run a shield on messages; `violation` is null when they pass.",
      description:
        "When the shield itself fails, its `on_error` decides: `block` answers an error-level violation with `metadata.shield_error`, `allow` answers null.",
      body: RunShieldRequestSchema,
      response: RunShieldResponseSchema,
      handler: async ({ stack, body, call }) => stack.safety.runShield(body, call),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/moderations",
      api: "safety",
      summary: "OpenAI moderations through a shield.",
      description:
        "`model` names a shield's provider_resource_id (e.g. the Llama Guard model) or a shield identifier; without it, `safety.default_shield_id` from the run config is used. A shield that cannot moderate answers 501.",
      body: ModerationRequestSchema,
      response: ModerationResponseSchema,
      handler: async ({ stack, body, call }) => stack.safety.moderate(body, call),
    }),
  ];
}
