import type { ResponseOutputItem } from "@llama-stack-ts/api";

/** An OpenAI stream event before its `sequence_number` is stamped. */
export type UnnumberedEvent = { type: string } & Record<string, unknown>;

type Position = { item_id: string; output_index: number };

/** A message's item as announced: in progress, its parts still to come. */
export function messageAdded(id: string): ResponseOutputItem {
  return { type: "message", id, role: "assistant", status: "in_progress", content: [] };
}

export const EMPTY_TEXT_PART = { type: "output_text", text: "", annotations: [], logprobs: [] };

/** The events that close a text message: its citations, text done, part done, item done. */
export function textDone(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  const part = (item.content as { text: string; annotations?: unknown[]; logprobs?: unknown[] }[])[0]!;
  return [
    ...(part.annotations ?? []).map((annotation, annotation_index) => ({
      type: "response.output_text.annotation.added",
      ...at,
      content_index: 0,
      annotation_index,
      annotation,
    })),
    {
      type: "response.output_text.done",
      ...at,
      content_index: 0,
      text: part.text,
      logprobs: part.logprobs ?? [],
    },
    { type: "response.content_part.done", ...at, content_index: 0, part },
    { type: "response.output_item.done", output_index: at.output_index, item },
  ];
}

/** A refusal message, whole: item, `refusal` part, its delta and done events. */
export function refusalEvents(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  const part = (item.content as { refusal: string }[])[0]!;
  return [
    { type: "response.output_item.added", output_index: at.output_index, item: messageAdded(item.id) },
    { type: "response.content_part.added", ...at, content_index: 0, part: { type: "refusal", refusal: "" } },
    { type: "response.refusal.delta", ...at, content_index: 0, delta: part.refusal },
    { type: "response.refusal.done", ...at, content_index: 0, refusal: part.refusal },
    { type: "response.content_part.done", ...at, content_index: 0, part },
    { type: "response.output_item.done", output_index: at.output_index, item },
  ];
}

/** A client function call, whole: announced without arguments, then its arguments. */
export function functionCallEvents(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  const args = String(item.arguments ?? "");
  return [
    {
      type: "response.output_item.added",
      output_index: at.output_index,
      item: { ...item, arguments: "", status: "in_progress" },
    },
    { type: "response.function_call_arguments.delta", ...at, delta: args },
    { type: "response.function_call_arguments.done", ...at, arguments: args, name: item.name },
    { type: "response.output_item.done", output_index: at.output_index, item },
  ];
}

/** A hosted call as it starts: announced, then its kind's in-progress events (and its code). */
export function toolStartEvents(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  const added = { type: "response.output_item.added", output_index: at.output_index, item };
  if (item.type === "code_interpreter_call") {
    const code = String(item.code ?? "");
    return [
      added,
      { type: "response.code_interpreter_call.in_progress", ...at },
      { type: "response.code_interpreter_call_code.delta", ...at, delta: code },
      { type: "response.code_interpreter_call_code.done", ...at, code },
      { type: "response.code_interpreter_call.interpreting", ...at },
    ];
  }
  if (item.type === "mcp_list_tools") return [added, { type: "response.mcp_list_tools.in_progress", ...at }];
  if (item.type === "mcp_call") {
    const args = String(item.arguments ?? "");
    return [
      { ...added, item: { ...item, arguments: "" } },
      { type: "response.mcp_call.in_progress", ...at },
      { type: "response.mcp_call_arguments.delta", ...at, delta: args },
      { type: "response.mcp_call_arguments.done", ...at, arguments: args },
    ];
  }
  return [
    added,
    { type: `response.${item.type}.in_progress`, ...at },
    { type: `response.${item.type}.searching`, ...at },
  ];
}

/** An item announced and done at once (an `mcp_approval_request`). */
export function wholeItemEvents(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  return [
    { type: "response.output_item.added", output_index: at.output_index, item },
    { type: "response.output_item.done", output_index: at.output_index, item },
  ];
}

/** A hosted call as it ends: its kind's `completed` event, then the item done. */
export function toolEndEvents(at: Position, item: ResponseOutputItem): UnnumberedEvent[] {
  const mcp = item.type === "mcp_call" || item.type === "mcp_list_tools";
  const ending = mcp && (item.error || item.status === "failed") ? "failed" : "completed";
  return [
    { type: `response.${item.type}.${ending}`, ...at },
    { type: "response.output_item.done", output_index: at.output_index, item },
  ];
}
