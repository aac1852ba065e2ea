import { type ApiName, dataListSchema, NotFoundError, ProviderInfoSchema } from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";
import { providerInfo } from "./provider-info.ts";

/** `/providers` and `/providers/{id}` under a prefix (`/v1` or `/v1alpha/admin`). */
export function providersRoutes(prefix: string): RouteSpec[] {
  const api: ApiName = prefix.includes("admin") ? "admin" : "providers";
  return [
    defineRoute({
      method: "GET",
      path: `${prefix}/providers`,
      api,
      summary: "Every configured provider with its (redacted) config and health.",
      response: dataListSchema(ProviderInfoSchema),
      handler: async ({ stack }) => ({ data: await Promise.all(stack.providers.all.map(providerInfo)) }),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/providers/{provider_id}`,
      api,
      summary: "One provider by id.",
      params: z.object({ provider_id: z.string().min(1) }),
      response: ProviderInfoSchema,
      handler: async ({ stack, params }) => {
        const provider = stack.providers.find(params.provider_id);
        if (!provider) {
          throw new NotFoundError("Provider", params.provider_id, "List providers with GET /v1/providers.");
        }
        return providerInfo(provider);
      },
    }),
  ];
}
