import { z } from "zod";

export const HealthStatusSchema = z.enum(["OK", "Error", "Not Implemented"]);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const HealthInfoSchema = z.object({ status: HealthStatusSchema }).meta({ id: "HealthInfo" });
export type HealthInfo = z.infer<typeof HealthInfoSchema>;

export const VersionInfoSchema = z.object({ version: z.string() }).meta({ id: "VersionInfo" });
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

export const RouteInfoSchema = z
  .object({ route: z.string(), method: z.string(), provider_types: z.array(z.string()) })
  .meta({ id: "RouteInfo" });
export type RouteInfo = z.infer<typeof RouteInfoSchema>;

export const RoutesQuerySchema = z.object({
  api_filter: z
    .enum(["v1", "v1alpha", "v1beta", "deprecated"])
    .optional()
    .describe("Only routes of this API level, or only deprecated routes."),
});

export const ProviderHealthSchema = z
  .object({ status: HealthStatusSchema, message: z.string().optional() })
  .catchall(z.unknown());
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>;

export const ProviderInfoSchema = z
  .object({
    api: z.string(),
    provider_id: z.string(),
    provider_type: z.string(),
    config: z.record(z.string(), z.unknown()),
    health: ProviderHealthSchema,
  })
  .meta({ id: "ProviderInfo" });
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;
