import {
  type ApiName,
  dataListSchema,
  HealthInfoSchema,
  type RouteInfo,
  RouteInfoSchema,
  RoutesQuerySchema,
  VersionInfoSchema,
} from "@llama-stack-ts/api";
import type { Stack } from "@llama-stack-ts/core";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";
import { STACK_VERSION } from "../version.ts";

/** Routing-table APIs are served by the providers of the API behind them. */
export const BACKING_API: Partial<Record<ApiName, ApiName>> = {
  models: "inference",
  shields: "safety",
  vector_stores: "vector_io",
  tool_groups: "tool_runtime",
};

export function listRouteInfo(stack: Stack, specs: readonly RouteSpec[], filter?: string): RouteInfo[] {
  return specs
    .filter((spec) => {
      if (!filter) return true;
      if (filter === "deprecated") return spec.deprecated === true;
      return spec.path.startsWith(`/${filter}/`) && !spec.deprecated;
    })
    .map((spec) => ({
      route: spec.path.replace(/\{(\w+):path\}/g, "{$1}"),
      method: spec.method,
      provider_types: [
        ...new Set(stack.providers.byApi(BACKING_API[spec.api] ?? spec.api).map((p) => p.providerType)),
      ],
    }));
}

/** `/health`, `/version` and `/inspect/routes` under a prefix (`/v1` or `/v1alpha/admin`). */
export function inspectRoutes(prefix: string, allSpecs: () => readonly RouteSpec[]): RouteSpec[] {
  const api: ApiName = prefix.includes("admin") ? "admin" : "inspect";
  return [
    defineRoute({
      method: "GET",
      path: `${prefix}/health`,
      api,
      summary: "Liveness of the Stack.",
      public: true,
      response: HealthInfoSchema,
      handler: async () => ({ status: "OK" }),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/version`,
      api,
      summary: "Version of this server.",
      public: true,
      response: VersionInfoSchema,
      handler: async () => ({ version: STACK_VERSION }),
    }),
    defineRoute({
      method: "GET",
      path: `${prefix}/inspect/routes`,
      api,
      summary: "Every route this server serves, with the provider types behind it.",
      query: RoutesQuerySchema,
      response: dataListSchema(RouteInfoSchema),
      handler: async ({ stack, query }) => ({ data: listRouteInfo(stack, allSpecs(), query.api_filter) }),
    }),
  ];
}
