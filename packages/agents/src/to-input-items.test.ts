import { describe, expect, it } from "vitest";
import { toInputItems } from "./to-input-items.ts";

describe("toInputItems", () => {
  it("makes a string one user message with a text part, an id and a status", () => {
    expect(toInputItems("Hi")).toEqual([
      {
        type: "message",
        id: expect.stringMatching(/^msg_/),
        role: "user",
        content: [{ type: "input_text", text: "Hi" }],
        status: "completed",
      },
    ]);
  });

  it("keeps given ids and gives other items item_ ids", () => {
    const [assistant, output] = toInputItems([
      { role: "assistant", content: "Done.", id: "msg_mine" },
      { type: "function_call_output", call_id: "call_1", output: "42" },
    ]);
    expect(assistant).toMatchObject({ id: "msg_mine", content: [{ type: "output_text", text: "Done." }] });
    expect(output).toMatchObject({ id: expect.stringMatching(/^item_/), type: "function_call_output" });
  });
});
