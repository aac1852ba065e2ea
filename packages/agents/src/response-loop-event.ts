import type { ResponseOutputItem } from "@llama-stack-ts/api";

/**
 * What the loop tells its consumers, in order: the non-streaming path collects the finished items,
 * the streaming path maps every event to OpenAI's stream events. An item's `*-start` comes before
 * its deltas and its `*-end`; `step-start` says an inference step was admitted (first chunk arrived).
 */
export type ResponseLoopEvent =
  | { type: "step-start"; step: number }
  | { type: "text-start"; id: string }
  | { type: "text-delta"; id: string; delta: string }
  | { type: "text-end"; item: ResponseOutputItem }
  | { type: "tool-start"; item: ResponseOutputItem }
  | { type: "tool-end"; item: ResponseOutputItem }
  | { type: "function-call"; item: ResponseOutputItem }
  /** An item whole at once (an `mcp_approval_request`). */
  | { type: "item"; item: ResponseOutputItem }
  | { type: "refusal"; item: ResponseOutputItem };

/** True for the events that finish an output item (what a collected response holds, in order). */
export function finishedItem(event: ResponseLoopEvent): ResponseOutputItem | undefined {
  return event.type === "text-end" ||
    event.type === "tool-end" ||
    event.type === "function-call" ||
    event.type === "item" ||
    event.type === "refusal"
    ? event.item
    : undefined;
}
