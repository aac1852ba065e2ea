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
  it("finds every API of the default distribution's list served", () => {
    const listed: ApiName[] = [
      "inference",
      "safety",
      "vector_io",
      "files",
      "tool_runtime",
      "responses",
      "agents",
    ];
    expect(
      listedApiGaps(listed, specs, providers("inference", "safety", "vector_io", "files", "tool_runtime")),
    ).toEqual({
      unserved: [],
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

  it("serves tool_groups and tool_runtime through a tool_runtime provider", () => {
    expect(listedApiGaps(["tool_groups", "tool_runtime"], specs, providers())).toEqual({
      unserved: [],
      withoutProvider: ["tool_groups", "tool_runtime"],
    });
    expect(listedApiGaps(["tool_groups", "tool_runtime"], specs, providers("tool_runtime"))).toEqual({
      unserved: [],
      withoutProvider: [],
    });
  });

  it("serves prompts and conversations with no provider: the Stack keeps them itself", () => {
    expect(listedApiGaps(["prompts", "conversations"], specs, providers())).toEqual({
      unserved: [],
      withoutProvider: [],
    });
  });

  it("finds nothing to say when apis is empty (every API allowed)", () => {
    expect(listedApiGaps([], specs, providers())).toEqual({ unserved: [], withoutProvider: [] });
  });
});
