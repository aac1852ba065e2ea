import { describe, expect, it } from "vitest";
import { TRENDING_SONGS_FUNCTION_TAG } from "./__fixtures__/reference-prompts.ts";
import { trendingSongs } from "./__fixtures__/tools.ts";
import { functionTagToolInstructions } from "./function-tag-tool-instructions.ts";

describe("functionTagToolInstructions", () => {
  it("renders the reference's trending_songs block byte for byte", () => {
    expect(functionTagToolInstructions([trendingSongs])).toBe(TRENDING_SONGS_FUNCTION_TAG);
  });

  it("drops defaults from the parameter map", () => {
    const tool = {
      type: "function" as const,
      function: {
        name: "f",
        description: "d",
        parameters: { type: "object", properties: { x: { type: "boolean", default: true } } },
      },
    };
    expect(functionTagToolInstructions([tool])).toContain(
      '{"name": "f", "description": "d", "parameters": {"x": {"param_type": "bool", "required": false}}}\n\n',
    );
  });
});
