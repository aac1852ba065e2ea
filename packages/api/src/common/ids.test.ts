import { describe, expect, it } from "vitest";
import { ID_PREFIXES, newId } from "./ids.ts";
import { SSE_DONE, sseEvent } from "./sse.ts";

describe("newId", () => {
  it("uses upstream's prefixes and the citation-marker alphabet", () => {
    expect(newId("file")).toMatch(/^file-[0-9a-f]{32}$/);
    expect(newId("chatCompletion")).toMatch(/^chatcmpl-/);
    expect(newId("vectorStore")).toMatch(/^vs_/);
    for (const kind of Object.keys(ID_PREFIXES) as (keyof typeof ID_PREFIXES)[]) {
      expect(newId(kind)).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(new Set(Array.from({ length: 1000 }, () => newId("response"))).size).toBe(1000);
  });
});

describe("SSE framing", () => {
  it("frames one JSON payload per event with no event: line", () => {
    expect(sseEvent({ a: 1, text: "line\nbreak" })).toBe('data: {"a":1,"text":"line\\nbreak"}\n\n');
    expect(SSE_DONE).toBe("data: [DONE]\n\n");
  });
});
