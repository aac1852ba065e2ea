import { describe, expect, it } from "vitest";
import { TRENDING_SONGS_JSON } from "./__fixtures__/reference-prompts.ts";
import { trendingSongs } from "./__fixtures__/tools.ts";
import { jsonToolInstructions } from "./json-tool-instructions.ts";

describe("jsonToolInstructions", () => {
  it("renders the reference's trending_songs block byte for byte", () => {
    expect(jsonToolInstructions([trendingSongs])).toBe(TRENDING_SONGS_JSON);
  });

  it("puts each tool block on its own lines", () => {
    const text = jsonToolInstructions([trendingSongs, trendingSongs]);
    expect(text).toContain('}\n{\n    "type": "function"');
    expect(text.endsWith("}\n\nReturn function calls in JSON format.")).toBe(true);
  });

  it("escapes quotes in descriptions so each block stays valid JSON", () => {
    const tool = { ...trendingSongs, function: { ...trendingSongs.function, description: 'Say "hi"' } };
    const block = jsonToolInstructions([tool]).split("\n").slice(3, -2).join("\n");
    expect(JSON.parse(block).function.description).toBe('Say "hi"');
  });
});
