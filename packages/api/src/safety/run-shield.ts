import { z } from "zod";
import { ChatMessageSchema } from "../inference/chat-messages.ts";
import { SafetyViolationSchema } from "./safety-violation.ts";

/** `POST /v1/safety/run-shield`; `params` is accepted for older clients and ignored. */
export const RunShieldRequestSchema = z
  .looseObject({
    shield_id: z.string().min(1),
    messages: z.array(ChatMessageSchema).min(1, "messages must contain at least one message"),
    params: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "RunShieldRequest" });
export type RunShieldRequest = z.infer<typeof RunShieldRequestSchema>;

export const RunShieldResponseSchema = z
  .object({ violation: SafetyViolationSchema.nullable() })
  .meta({ id: "RunShieldResponse" });
export type RunShieldResponse = z.infer<typeof RunShieldResponseSchema>;
