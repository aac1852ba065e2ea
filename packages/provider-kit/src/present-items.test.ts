import { describe, expect, it } from "vitest";
import { includeSet, presentItem, presentItems } from "./present-items.ts";

const stored = [
  { type: "file_search_call", id: "fs_1", queries: ["q"], results: [{ file_id: "f", text: "t" }] },
  { type: "code_interpreter_call", id: "ci_1", code: "print(1)", outputs: [{ type: "logs", logs: "1" }] },
  {
    type: "web_search_call",
    id: "ws_1",
    action: { type: "search", query: "q", sources: [{ type: "url", url: "https://a" }] },
    output: "what the model read",
  },
  { type: "message", id: "m_1", content: [] },
];

describe("presentItem", () => {
  it("hides tool results unless include names them, and never shows a web search's model text", () => {
    expect(presentItems(stored, includeSet(undefined))).toEqual([
      { ...stored[0], results: null },
      { ...stored[1], outputs: null },
      { type: "web_search_call", id: "ws_1", action: { type: "search", query: "q" } },
      stored[3],
    ]);
    const all = includeSet([
      "file_search_call.results",
      "code_interpreter_call.outputs",
      "web_search_call.action.sources",
    ]);
    expect(presentItems(stored, all)).toEqual([
      stored[0],
      stored[1],
      { type: "web_search_call", id: "ws_1", action: stored[2]!.action },
      stored[3],
    ]);
    // Presenting never changes the stored item.
    expect(stored[2]).toHaveProperty("output", "what the model read");
    expect(presentItem(stored[0]!, includeSet("file_search_call.results"))).toBe(stored[0]);
  });
});
