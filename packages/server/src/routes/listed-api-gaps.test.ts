import type { ApiName } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { allRoutes } from "./all-routes.ts";
import { listedApiGaps } from "./listed-api-gaps.ts";

const specs = allRoutes(() => specs);
const providers =
  (...apis: ApiName[]) =>
  (api: ApiName) =>
    apis.filter((a) => a === api).length;

describe("listedApiGaps", () => {
  it("names listed APIs that have no routes yet (the default distribution's list)", () => {
    const listed: ApiName[] = [
      "inference",
      "safety",
      "vector_io",
      "files",
      "tool_runtime",
      "responses",
      "agents",
    ];
    expect(listedApiGaps(listed, specs, providers("inference", "safety", "vector_io", "files"))).toEqual({
      unserved: ["tool_runtime", "responses", "agents"],
      withoutProvider: [],
    });
  });

  it("names served APIs without a provider, through the API behind a routing table", () => {
    const listed: ApiName[] = ["inference", "files", "vector_stores", "models", "inspect", "providers"];
    expect(listedApiGaps(listed, specs, providers("inference"))).toEqual({
      unserved: [],
      withoutProvider: ["files", "vector_stores"],
    });
  });

  it("counts tool_groups as unserved while tool_runtime has no routes", () => {
    expect(listedApiGaps(["tool_groups", "tool_runtime"], specs, providers()).unserved).toEqual([
      "tool_groups",
      "tool_runtime",
    ]);
  });

  it("finds nothing to say when apis is empty (every API allowed)", () => {
    expect(listedApiGaps([], specs, providers())).toEqual({ unserved: [], withoutProvider: [] });
  });
});
