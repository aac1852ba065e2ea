import { followBackgroundResponse, ResponseEventHub } from "@llama-stack-ts/agents";
import type { AccessContext, ResponseObject, ResponseStreamEvent } from "@llama-stack-ts/api";
import { type Database, openDatabase, ResponseEventsStore, ResponsesStore } from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedResponse } from "../helpers/stored-response.ts";
import { waitFor } from "../helpers/wait-for.ts";

// How a reader follows a background response it does not run: through the event log on a real
// database (embedded PGlite), switching to the live hub once the run starts on its own process,
// and falling back to the stored end when the log no longer matches what it was sent.
const ALICE: AccessContext = { principal: "alice", enforced: true };
let database: Database;
let responses: ResponsesStore;
let log: ResponseEventsStore;

beforeAll(async () => {
  database = await openDatabase(null, null);
  responses = new ResponsesStore(database.db);
  log = new ResponseEventsStore(database.db);
});
afterAll(async () => {
  await database?.close();
});

const response = (id: string, status: ResponseObject["status"]) =>
  storedResponse(id, { status, background: true });
const delta = (text: string) => ({ type: "response.output_text.delta", delta: text });
const logged = (seq: number, run: string, event: Record<string, unknown>) => ({ seq, run, event });
const shape = (events: ResponseStreamEvent[]) =>
  events.map((e) => [e.sequence_number, e.type, (e as { delta?: string }).delta ?? null]);

/** Starts following; `events` fills as they come, `done` resolves at the end. */
function follow(id: string, hub = new ResponseEventHub(), startingAfter = -1) {
  const events: ResponseStreamEvent[] = [];
  const done = (async () => {
    const stream = followBackgroundResponse({
      hub,
      log,
      storage: responses,
      queued: response(id, "queued"),
      access: ALICE,
      startingAfter,
    });
    for await (const event of stream) events.push(event);
  })();
  return { events, done };
}

async function queue(id: string) {
  await responses.save({ response: response(id, "queued"), inputItems: [] }, ALICE, { background: true });
}

describe("following a background response", () => {
  it("reads a run on another process from the log as it is written, to its terminal event", async () => {
    await queue("resp_f1");
    const reader = follow("resp_f1");
    await log.append("resp_f1", [logged(2, "a", delta("Hel"))]);
    await waitFor(
      "3 events",
      () => reader.events.length,
      (length) => length === 3,
    );
    await log.append("resp_f1", [logged(3, "a", delta("lo"))]);
    await responses.update(response("resp_f1", "completed"));
    await log.append("resp_f1", [logged(4, "a", { type: "response.completed", response: {} })]);
    await reader.done;
    expect(shape(reader.events)).toEqual([
      [0, "response.created", null],
      [1, "response.queued", null],
      [2, "response.output_text.delta", "Hel"],
      [3, "response.output_text.delta", "lo"],
      [4, "response.completed", null],
    ]);
  });

  it("switches to the hub once the run starts on its own process", async () => {
    await queue("resp_f2");
    const hub = new ResponseEventHub();
    const reader = follow("resp_f2", hub);
    await waitFor(
      "2 events",
      () => reader.events.length,
      (length) => length === 2,
    );
    hub.open("resp_f2");
    for (const event of [
      { type: "response.created", response: response("resp_f2", "in_progress") },
      delta("Hi"),
      { type: "response.completed", response: response("resp_f2", "completed") },
    ])
      hub.publish("resp_f2", { ...event, sequence_number: 0 } as ResponseStreamEvent);
    hub.close("resp_f2");
    await reader.done;
    expect(shape(reader.events).slice(2)).toEqual([
      [2, "response.output_text.delta", "Hi"],
      [3, "response.completed", null],
    ]);
  });

  it("ends with the stored response when the run restarted after a crash, or its events are gone", async () => {
    await queue("resp_f3");
    const reader = follow("resp_f3");
    await log.append("resp_f3", [logged(2, "first", delta("Hel"))]);
    await waitFor(
      "3 events",
      () => reader.events.length,
      (length) => length === 3,
    );
    // The first run died; the job runner starts it again, from its input, under a new run.
    await log.restart("resp_f3");
    await log.append("resp_f3", [logged(2, "second", delta("Hey")), logged(3, "second", delta(" you"))]);
    await responses.update({ ...response("resp_f3", "completed"), output: [{ type: "message" } as never] });
    await reader.done;
    // What it was sent no longer matches the log: no second-run text spliced in, the stored end.
    expect(shape(reader.events).slice(2)).toEqual([
      [2, "response.output_text.delta", "Hel"],
      [3, "response.completed", null],
    ]);
    expect(reader.events.at(-1)?.response).toMatchObject({
      status: "completed",
      output: [{ type: "message" }],
    });

    // Resumed after its events were pruned: only the end, numbered after what the reader had.
    await log.prune(new Date(Date.now() + 1));
    const late = follow("resp_f3", new ResponseEventHub(), 7);
    await late.done;
    expect(shape(late.events)).toEqual([[8, "response.completed", null]]);
  });
});
