import type { ResponseOutputItem } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { feedOutput } from "./feed-output.ts";
import { TurnSteps } from "./turn-steps.ts";

const message = (id: string, text: string): ResponseOutputItem => ({
  type: "message",
  id,
  role: "assistant",
  content: [{ type: "output_text", text }],
});
const code = (id: string): ResponseOutputItem => ({
  type: "code_interpreter_call",
  id,
  status: "completed",
  code: "print(1)",
  outputs: [{ type: "logs", logs: "1\n" }],
});

describe("TurnSteps", () => {
  it("makes one inference step per model step and one tool_execution step per batch of hosted calls", () => {
    const steps = new TurnSteps("turn");
    const events = feedOutput(steps, [
      message("m1", "Let me run it."),
      code("ci_1"),
      code("ci_2"),
      message("m2", "1"),
    ]);
    expect(steps.steps.map((step) => step.step_type)).toEqual(["inference", "tool_execution", "inference"]);
    const [first, execution, last] = steps.steps as unknown as [
      { model_response: { content: string; tool_calls: unknown[] } },
      { tool_calls: { call_id: string }[]; tool_responses: { content: string }[] },
      { model_response: { content: string } },
    ];
    expect(first.model_response).toMatchObject({ content: "Let me run it.", stop_reason: "end_of_message" });
    expect(first.model_response.tool_calls).toHaveLength(2);
    expect(execution.tool_calls.map((call) => call.call_id)).toEqual(["ci_1", "ci_2"]);
    expect(execution.tool_responses.map((response) => response.content)).toEqual(["1\n", "1\n"]);
    expect(last.model_response.content).toBe("1");
    expect(steps.lastText()).toBe("1");
    // Each step is announced before its progress and completed once.
    expect(events.filter((e) => e.event_type === "step_start")).toHaveLength(3);
    expect(events.filter((e) => e.event_type === "step_complete").map((e) => e.step_id)).toEqual(
      steps.steps.map((step) => step.step_id),
    );
  });

  it("keeps client function calls pending, and a resumed turn goes on after its earlier steps", () => {
    const steps = new TurnSteps("turn");
    feedOutput(steps, [
      { type: "function_call", id: "fc_1", call_id: "call_1", name: "get_weather", arguments: "{}" },
    ]);
    expect(steps.pendingCalls).toEqual([{ call_id: "call_1", tool_name: "get_weather", arguments: "{}" }]);

    const resumed = new TurnSteps("turn", steps.steps);
    const events = resumed.clientToolExecution(steps.pendingCalls, [{ call_id: "call_1", content: "sunny" }]);
    feedOutput(resumed, [message("m1", "It is sunny.")]);
    expect(events.map((e) => e.event_type)).toEqual(["step_start", "step_complete"]);
    expect(resumed.steps.map((step) => step.step_type)).toEqual(["inference", "tool_execution", "inference"]);
    expect(resumed.pendingCalls).toEqual([]);
  });

  it("makes a file search a memory_retrieval step naming its vector stores and what it inserted", () => {
    const steps = new TurnSteps("turn", [], ["vs_1", "vs_2"]);
    const search: ResponseOutputItem = {
      type: "file_search_call",
      id: "fs_1",
      status: "completed",
      queries: ["llamas"],
      results: [{ file_id: "file-1", filename: "a.md", score: 1, text: "Llamas hum.", attributes: {} }],
    };
    const events = feedOutput(steps, [search, message("m1", "They hum.")]);
    expect(steps.steps.map((step) => step.step_type)).toEqual(["inference", "memory_retrieval", "inference"]);
    expect(steps.steps[1]).toMatchObject({ vector_db_ids: "vs_1,vs_2", inserted_context: "Llamas hum." });
    expect(events.filter((e) => e.event_type === "step_start").map((e) => e.step_type)).toEqual([
      "inference",
      "memory_retrieval",
      "inference",
    ]);
  });
});
