import type { ApiCall, SafetyApi } from "@llama-stack-ts/api";
import { firstViolation } from "./first-violation.ts";
import { OUTPUT_REFUSAL } from "./guard-output.ts";
import { outputTextMessage, refusalMessage, refusalText } from "./output-items.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import type { ResponseLoopEnd } from "./run-response-loop.ts";

/** About how much text the output shields judge at a time while a response streams. */
export const GUARD_WINDOW = 200;

/**
 * The output shields judge a message's text before any of it is passed on: text is held back
 * until a window of about {@link GUARD_WINDOW} characters (the message so far, so a word split
 * across windows is still seen) passed them; the last partial window is judged at the message's
 * end. On a violation the message ends with the text already passed (status `incomplete`), a
 * refusal message follows, and the loop is stopped (its generation with it).
 */
export async function* guardStream(
  events: AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd>,
  safety: SafetyApi | undefined,
  call: ApiCall,
): AsyncGenerator<ResponseLoopEvent, ResponseLoopEnd> {
  if (!safety || (await safety.shieldsFor("output", call)).length === 0) return yield* events;
  let id = "";
  let passed = "";
  let held = "";
  let announced = false;
  const judge = async () =>
    firstViolation(safety, "output", [{ role: "assistant", content: passed + held }], call);
  function* release(): Generator<ResponseLoopEvent> {
    if (held === "") return;
    if (!announced) yield { type: "text-start", id };
    announced = true;
    yield { type: "text-delta", id, delta: held };
    passed += held;
    held = "";
  }
  try {
    let next = await events.next();
    while (!next.done) {
      const event = next.value;
      if (event.type === "text-start") {
        [id, passed, held, announced] = [event.id, "", "", false];
      } else if (event.type === "text-delta" || event.type === "text-end") {
        if (event.type === "text-delta") held += event.delta;
        const windowFull = event.type === "text-end" || held.length >= GUARD_WINDOW;
        const violation = windowFull && held !== "" ? await judge() : null;
        if (violation) {
          if (announced)
            yield { type: "text-end", item: { ...outputTextMessage(passed, id), status: "incomplete" } };
          yield { type: "refusal", item: refusalMessage(refusalText(violation, OUTPUT_REFUSAL)) };
          return { status: "completed", usage: { input_tokens: 0, output_tokens: 0 } };
        }
        if (windowFull) yield* release();
        if (event.type === "text-end") yield event;
      } else {
        yield event;
      }
      next = await events.next();
    }
    return next.value;
  } finally {
    await events.return?.({ status: "completed", usage: { input_tokens: 0, output_tokens: 0 } });
  }
}
