import type { AccessContext, ResponseObject, ResponseStreamEvent } from "@llama-stack-ts/api";
import type { ResponseEventHub } from "./response-event-hub.ts";
import type { ResponseEventLog } from "./response-event-log.ts";
import { FIRST_RUN_SEQ } from "./response-event-writer.ts";
import type { ResponsesStorage } from "./responses-storage.ts";

export interface FollowOptions {
  hub: ResponseEventHub;
  /** Absent: only a run on this process can be followed event by event. */
  log?: ResponseEventLog | undefined;
  storage: ResponsesStorage;
  /** The response as it was queued (status `queued`, no output). */
  queued: ResponseObject;
  access: AccessContext;
  /** Events numbered up to this one were already read (-1: none). */
  startingAfter: number;
}

/** How often a reader looks for events of a run it cannot follow live. */
const POLL_MS = 150;
/** How long after the response ended its last events may still arrive. */
const LAST_EVENTS_MS = 1_000;
const PAGE = 500;
const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed", "error"]);
const UNFINISHED = new Set(["queued", "in_progress"]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A background response as a stream: `response.created` and `response.queued`, then the run's
 * events (its own `response.created` left out), numbered from 0 the same way for every reader.
 * Once the run is on this process it is followed live through the hub; until then, or when it
 * runs on another replica (or ended here a while ago), through the event log. When its events
 * are gone (pruned, or the run restarted after a crash while this reader followed it), only its
 * end can be told: the stored response in one terminal event.
 */
export async function* followBackgroundResponse(options: FollowOptions): AsyncGenerator<ResponseStreamEvent> {
  const { hub, queued, startingAfter } = options;
  if (startingAfter < 0) yield { type: "response.created", response: queued, sequence_number: 0 };
  if (startingAfter < 1) yield { type: "response.queued", response: queued, sequence_number: 1 };
  let next = Math.max(FIRST_RUN_SEQ, startingAfter + 1);
  let run: string | undefined;
  let logLost = !options.log;
  let endedAt: number | undefined;
  for (;;) {
    if (hub.has(queued.id)) {
      let number = FIRST_RUN_SEQ;
      for await (const event of hub.read(queued.id)) {
        if (event.type === "response.created") continue;
        if (number >= next) yield { ...event, sequence_number: number };
        number++;
      }
      return;
    }
    if (!logLost) {
      const rows = await options.log!.read(queued.id, next - 1, PAGE);
      for (const row of rows) {
        // A gap, or another run's events: what this reader was sent no longer matches the log.
        if (row.seq !== next || (run !== undefined && row.run !== run)) {
          logLost = true;
          break;
        }
        run = row.run;
        next++;
        yield { ...row.event, sequence_number: row.seq } as ResponseStreamEvent;
        if (TERMINAL.has(String(row.event.type))) return;
      }
      if (rows.length > 0) continue;
    }
    const status = await options.storage.findStatus(queued.id, options.access);
    if (status === undefined || !UNFINISHED.has(status)) {
      // Its last events are written just after the response, so give them a moment (a run that
      // was cancelled or died writes no terminal event).
      endedAt ??= Date.now();
      if (logLost || Date.now() - endedAt > LAST_EVENTS_MS) {
        const stored = await options.storage.find(queued.id, options.access);
        yield storedEnd(stored?.response ?? { ...queued, status: "failed" }, next);
        return;
      }
    }
    await sleep(POLL_MS);
  }
}

function storedEnd(response: ResponseObject, sequence: number): ResponseStreamEvent {
  const type =
    response.status === "completed"
      ? "response.completed"
      : response.status === "incomplete"
        ? "response.incomplete"
        : "response.failed";
  return { type, response, sequence_number: sequence } as ResponseStreamEvent;
}
