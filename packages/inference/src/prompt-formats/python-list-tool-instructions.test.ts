import { describe, expect, it } from "vitest";
import { GET_WEATHER_PYTHON_LIST } from "./__fixtures__/reference-prompts.ts";
import { getWeather, trendingSongs } from "./__fixtures__/tools.ts";
import { pythonListFunctionDescription, pythonListSystemPrompt } from "./python-list-tool-instructions.ts";

describe("pythonListSystemPrompt", () => {
  it("renders the reference's get_weather system text byte for byte", () => {
    expect(pythonListSystemPrompt([getWeather])).toBe(GET_WEATHER_PYTHON_LIST);
  });

  it("separates several tools with a comma line", () => {
    expect(pythonListFunctionDescription([getWeather, trendingSongs])).toContain(
      '            }\n        }\n    },\n    {\n        "name": "trending_songs",',
    );
  });

  it("fills a replacement template at its placeholder", () => {
    const text = pythonListSystemPrompt([getWeather], "Be brief.\n{{function_description}}\nBye.");
    expect(text.startsWith("Be brief.\nHere is a list of functions")).toBe(true);
    expect(text.endsWith("using the tool outputs.\nBye.")).toBe(true);
  });

  it("appends the list to a replacement template without placeholder instead of losing the tools", () => {
    expect(pythonListSystemPrompt([getWeather], "Be brief.")).toMatch(/^Be brief\.\n\nHere is a list/);
  });
});
