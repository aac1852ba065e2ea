import type { ResponseOutputItem, TurnEventPayload } from "@llama-stack-ts/api";
import { isHostedCall } from "./hosted-call-steps.ts";
import { itemText } from "./item-text.ts";
import type { TurnSteps } from "./turn-steps.ts";

/**
 * Feeds a finished response's output in stream order: a batch of hosted calls is announced
 * before any of them is done, as the loop streams it.
 */
export function feedOutput(steps: TurnSteps, output: readonly ResponseOutputItem[]): TurnEventPayload[] {
  const events: TurnEventPayload[] = [];
  for (let index = 0; index < output.length; ) {
    let end = index + 1;
    if (isHostedCall(output[index]!)) while (end < output.length && isHostedCall(output[end]!)) end++;
    const batch = output.slice(index, end);
    for (const item of batch) {
      events.push(...steps.added(item));
      if (item.type === "message") events.push(...steps.textDelta(itemText(item.content)));
    }
    for (const item of batch) events.push(...steps.done(item));
    index = end;
  }
  events.push(...steps.finish());
  return events;
}
