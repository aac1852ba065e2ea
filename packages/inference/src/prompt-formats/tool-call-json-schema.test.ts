import { describe, expect, it } from "vitest";
import { getWeather, trendingSongs } from "./__fixtures__/tools.ts";
import { parseLlamaOutput } from "./parse-llama-output.ts";
import { toolCallJsonSchema } from "./tool-call-json-schema.ts";

describe("toolCallJsonSchema", () => {
  it("offers one variant per tool", () => {
    const schema = toolCallJsonSchema([getWeather, trendingSongs]);
    expect(schema.oneOf).toHaveLength(2);
    expect((schema.oneOf as Record<string, unknown>[])[1]).toEqual({
      type: "object",
      properties: {
        name: { const: "trending_songs" },
        parameters: {
          type: "object",
          properties: {
            n: { type: "integer", description: "The number of songs to return" },
            genre: { type: "string", description: "The genre of the songs to return" },
          },
          required: ["n"],
        },
      },
      required: ["name", "parameters"],
      additionalProperties: false,
    });
  });

  it("narrows to a named tool and fills in missing parameters", () => {
    const noArgs = { type: "function" as const, function: { name: "now" } };
    expect(toolCallJsonSchema([getWeather, noArgs], { name: "now" })).toEqual({
      type: "object",
      properties: { name: { const: "now" }, parameters: { type: "object", properties: {} } },
      required: ["name", "parameters"],
      additionalProperties: false,
    });
    expect(() => toolCallJsonSchema([getWeather], { name: "missing" })).toThrow(/No tool named 'missing'/);
  });

  it("hoists each tool's $defs to the root under the tool's name", () => {
    const tool = {
      type: "function" as const,
      function: {
        name: "convert",
        parameters: {
          type: "object",
          $defs: { Unit: { enum: ["C", "F"] } },
          properties: { unit: { $ref: "#/$defs/Unit" } },
        },
      },
    };
    expect(toolCallJsonSchema([tool])).toEqual({
      type: "object",
      properties: {
        name: { const: "convert" },
        parameters: { type: "object", properties: { unit: { $ref: "#/$defs/convert__Unit" } } },
      },
      required: ["name", "parameters"],
      additionalProperties: false,
      $defs: { convert__Unit: { enum: ["C", "F"] } },
    });
  });

  it("describes output that parseLlamaOutput reads as a call", () => {
    const forced = JSON.stringify({ name: "get_weather", parameters: { city: "Oslo" } });
    expect(
      parseLlamaOutput(forced, {
        family: "llama3_2",
        toolPromptFormat: "python_list",
        toolNames: ["get_weather"],
        stop: "eot",
      }).toolCalls,
    ).toEqual([{ name: "get_weather", arguments: { city: "Oslo" } }]);
  });
});
