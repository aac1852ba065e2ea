import { z } from "zod";

/** `POST /v1/shields` (deprecated upstream, still served). */
export const RegisterShieldRequestSchema = z
  .looseObject({
    shield_id: z.string().min(1),
    provider_id: z.string().min(1).nullish(),
    provider_shield_id: z.string().min(1).nullish(),
    params: z.record(z.string(), z.unknown()).nullish(),
  })
  .meta({ id: "RegisterShieldRequest" });
export type RegisterShieldRequest = z.infer<typeof RegisterShieldRequestSchema>;
