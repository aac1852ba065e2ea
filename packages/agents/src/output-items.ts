import { newId, type ResponseOutputItem, type SafetyViolation, type ToolCall } from "@llama-stack-ts/api";

/** An assistant message item with one `output_text` part, as OpenAI answers it. */
export function outputTextMessage(
  text: string,
  id: string = newId("message"),
  annotations: unknown[] = [],
  logprobs: unknown[] = [],
): ResponseOutputItem {
  return {
    type: "message",
    id,
    role: "assistant",
    status: "completed",
    content: [{ type: "output_text", text, annotations, logprobs }],
  };
}

/**
 * The refusal a shield's violation makes: its message, and what it flagged (upstream's
 * `(violation type: …)`) or why the check could not run (a shield that failed closed: its model
 * not downloaded, say), so the reader and a later turn both know why.
 */
export function refusalText(violation: SafetyViolation, fallback: string): string {
  const type = violation.metadata?.violation_type;
  const flagged = Array.isArray(type) ? type.join(", ") : typeof type === "string" ? type : "";
  const cause = violation.metadata?.shield_error;
  const message = violation.user_message ?? fallback;
  if (flagged !== "") return `${message} (violation type: ${flagged})`;
  return typeof cause === "string" && cause !== "" ? `${message} (shield error: ${cause})` : message;
}

/** An assistant message refusing, with the shield's message. */
export function refusalMessage(refusal: string): ResponseOutputItem {
  return {
    type: "message",
    id: newId("message"),
    role: "assistant",
    status: "completed",
    content: [{ type: "refusal", refusal }],
  };
}

/** A call of a client-run `function` tool; the client answers it with a `function_call_output`. */
export function functionCallItem(call: ToolCall): ResponseOutputItem {
  return {
    type: "function_call",
    id: newId("functionCall"),
    call_id: call.id,
    name: call.function.name,
    arguments: call.function.arguments,
    status: "completed",
  };
}
