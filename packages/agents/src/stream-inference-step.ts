import {
  type ApiCall,
  type ChatCompletion,
  type ChatCompletionRequest,
  type InferenceApi,
  newId,
} from "@llama-stack-ts/api";
import { accumulateChatStream } from "@llama-stack-ts/provider-kit";
import type { ResponseLoopEvent } from "./response-loop-event.ts";

/**
 * One inference step, streamed: `step-start` once the first chunk arrived (admission passed),
 * the assistant's text as `text-start`/`text-delta` under one message id, then the assembled
 * completion with that id. Null when the generation ended without a finish (it was aborted).
 */
export async function* streamInferenceStep(
  inference: InferenceApi,
  request: ChatCompletionRequest,
  step: number,
  call: ApiCall,
): AsyncGenerator<ResponseLoopEvent, { completion: ChatCompletion; messageId: string } | null> {
  const chunks = await inference.chatCompletionStream(
    { ...request, stream: true, stream_options: { include_usage: true } },
    call,
  );
  const accumulator = accumulateChatStream();
  const messageId = newId("message");
  let started = false;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      yield { type: "step-start", step };
    }
    accumulator.add(chunk);
    const delta = chunk.choices.find((choice) => choice.index === 0)?.delta.content;
    if (!delta) continue;
    if (!started) {
      started = true;
      yield { type: "text-start", id: messageId };
    }
    yield { type: "text-delta", id: messageId, delta };
  }
  const completion = accumulator.result();
  return completion === null ? null : { completion, messageId };
}
