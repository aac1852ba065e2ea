import {
  type ApiCall,
  type ChatCompletion,
  type ChatCompletionRequest,
  type InferenceApi,
  StackError,
} from "@llama-stack-ts/api";
import { CitationStripper, type FileCitation } from "./file-citations.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { streamInferenceStep } from "./stream-inference-step.ts";

/** Why a response failed when its caller went away (the client disconnected, a cancel). */
export const CLIENT_GONE = {
  code: "client_disconnected",
  message: "The client disconnected before the response finished.",
};

export type InferenceStepResult =
  | {
      ok: true;
      completion: ChatCompletion;
      messageId: string;
      /** The text as the client sees it: citation markers of known files stripped. */
      shownText: string;
      annotations: FileCitation[];
    }
  | { ok: false; error: { code: string; message: string } };

/**
 * One inference step, its events passed on (text with the citation markers of `citationFiles`
 * stripped, held-back text flushed before the step ends). An error before the step was admitted
 * is the client's (thrown, a 4xx); after that it is the result. Stopping early stops the generation.
 */
export async function* runInferenceStep(
  inference: InferenceApi,
  chat: ChatCompletionRequest,
  step: number,
  call: ApiCall,
  citationFiles: ReadonlyMap<string, string>,
): AsyncGenerator<ResponseLoopEvent, InferenceStepResult> {
  const stripper = citationFiles.size > 0 ? new CitationStripper(citationFiles) : undefined;
  const events = streamInferenceStep(inference, chat, step, call);
  let admitted = false;
  let shownText = "";
  let result: Awaited<ReturnType<typeof events.next>>;
  try {
    result = await events.next();
    while (!result.done) {
      const event = result.value;
      if (event.type === "step-start") admitted = true;
      if (event.type === "text-delta") {
        const delta = stripper ? stripper.push(event.delta) : event.delta;
        shownText += delta;
        if (delta !== "") yield { ...event, delta };
      } else {
        yield event;
      }
      result = await events.next();
    }
  } catch (error) {
    // A bad request (unknown model, bad parameters) is the client's 4xx; anything later is a failed response.
    if (!admitted || !StackError.isInstance(error)) throw error;
    return {
      ok: false,
      error: call.signal?.aborted ? CLIENT_GONE : { code: "server_error", message: error.message },
    };
  } finally {
    // A consumer that stops early (a shield, a client gone) stops the generation with it.
    await events.return(null);
  }
  const done = result.value;
  if (done === null) {
    const error = call.signal?.aborted
      ? CLIENT_GONE
      : { code: "server_error", message: "The generation was stopped." };
    return { ok: false, error };
  }
  const rest = stripper?.end() ?? "";
  if (rest !== "") {
    shownText += rest;
    yield { type: "text-delta", id: done.messageId, delta: rest };
  }
  return { ok: true, ...done, shownText, annotations: stripper?.annotations ?? [] };
}
