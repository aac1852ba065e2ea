import { describe, expect, it } from "vitest";
import { itemsToMessages } from "./items-to-messages.ts";

describe("itemsToMessages", () => {
  it("turns messages, function calls and their outputs into chat messages", () => {
    expect(
      itemsToMessages([
        { type: "message", id: "msg_1", role: "user", content: [{ type: "input_text", text: "Weather?" }] },
        {
          type: "function_call",
          id: "fc_1",
          call_id: "call_a",
          name: "get_weather",
          arguments: '{"city":"Paris"}',
        },
        {
          type: "function_call",
          id: "fc_2",
          call_id: "call_b",
          name: "get_weather",
          arguments: '{"city":"Rome"}',
        },
        { type: "function_call_output", id: "item_1", call_id: "call_a", output: "Sunny" },
        { type: "function_call_output", id: "item_2", call_id: "call_b", output: "Rain" },
        {
          type: "message",
          id: "msg_2",
          role: "assistant",
          content: [{ type: "output_text", text: "Sunny in Paris, rain in Rome." }],
        },
      ]),
    ).toEqual([
      { role: "user", content: "Weather?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_a",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "call_b", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_a", content: "Sunny" },
      { role: "tool", tool_call_id: "call_b", content: "Rain" },
      { role: "assistant", content: "Sunny in Paris, rain in Rome." },
    ]);
  });

  it("replays a hosted call as the call the model made and the result it read", () => {
    expect(
      itemsToMessages([
        {
          type: "code_interpreter_call",
          id: "ci_1",
          code: "print(1)",
          status: "completed",
          outputs: [{ type: "logs", logs: "1\n" }],
        },
      ]),
    ).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "ci_1",
            type: "function",
            function: { name: "code_interpreter", arguments: '{"code":"print(1)"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "ci_1", content: "1\n" },
    ]);
  });

  it("keeps a user's image as an image part and skips listings and reasoning", () => {
    expect(
      itemsToMessages([
        { type: "reasoning", id: "rs_1", summary: [] },
        { type: "mcp_list_tools", id: "item_1", server_label: "x", tools: [] },
        {
          type: "message",
          id: "msg_1",
          role: "user",
          content: [
            { type: "input_text", text: "What is this?" },
            { type: "input_image", image_url: "data:image/png;base64,AAAA" },
          ],
        },
      ]),
    ).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
        ],
      },
    ]);
  });
});
