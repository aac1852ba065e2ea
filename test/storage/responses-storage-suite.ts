import type { AccessContext, ResponseObject } from "@llama-stack-ts/api";
import { type Database, ResponseEventsStore, ResponsesStore } from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedResponse } from "../helpers/stored-response.ts";

const ALICE: AccessContext = { principal: "alice", enforced: true };
const BOB: AccessContext = { principal: "bob", enforced: true };

function response(
  id: string,
  model: string,
  createdAt: number,
  status: ResponseObject["status"] = "completed",
): ResponseObject {
  return storedResponse(id, {
    model,
    created_at: createdAt,
    status,
    output: [{ type: "message", id: `msg_${id}`, role: "assistant", content: [] }],
  });
}

/** The responses storage contract, run on every database driver (PGlite and `pg`). */
export function responsesStorageSuite(
  name: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
) {
  describe(`responses storage on ${name}`, () => {
    let handle: { database: Database; stop(): Promise<void> };
    let store: ResponsesStore;
    let events: ResponseEventsStore;

    beforeAll(async () => {
      handle = await open();
      store = new ResponsesStore(handle.database.db);
      events = new ResponseEventsStore(handle.database.db);
    });
    afterAll(async () => {
      await handle?.stop();
    });

    it("keeps the response and its input items, visible to their owner only", async () => {
      const input = [
        { type: "message", id: "msg_in", role: "user", content: [{ type: "input_text", text: "Hi" }] },
      ];
      await store.save({ response: response("resp_a1", "m1", 1_700_000_000), inputItems: input }, ALICE);
      expect(await store.find("resp_a1", ALICE)).toEqual({
        response: response("resp_a1", "m1", 1_700_000_000),
        inputItems: input,
      });
      expect(await store.find("resp_a1", BOB)).toBeUndefined();
      expect(await store.findStatus("resp_a1", ALICE)).toBe("completed");
      expect(await store.findStatus("resp_a1", BOB)).toBeUndefined();
      expect(await store.delete("resp_a1", BOB)).toBe(false);
      expect(await store.delete("resp_a1", ALICE)).toBe(true);
      expect(await store.find("resp_a1", ALICE)).toBeUndefined();
    });

    it("lists an owner's responses newest first, by cursor, filtered by model", async () => {
      for (const [i, model] of ["m1", "m2", "m1", "m1"].entries()) {
        await store.save({ response: response(`resp_l${i}`, model, 1_800_000_000 + i), inputItems: [] }, BOB);
      }
      const first = await store.list(BOB, { limit: 2, order: "desc" });
      expect(first.data.map((r) => r.id)).toEqual(["resp_l3", "resp_l2"]);
      expect(first.has_more).toBe(true);
      const next = await store.list(BOB, { limit: 10, order: "desc", after: first.last_id! });
      expect(next.data.map((r) => r.id)).toEqual(["resp_l1", "resp_l0"]);
      const m1 = await store.list(BOB, { limit: 10, order: "asc", model: "m1" });
      expect(m1.data.map((r) => r.id)).toEqual(["resp_l0", "resp_l2", "resp_l3"]);
      expect((await store.list(ALICE, { limit: 10, order: "asc" })).data).toEqual([]);
    });

    it("updates only an unfinished response: an ended one (a cancel that won) is never overwritten", async () => {
      await store.save(
        { response: response("resp_u1", "m1", 1_700_000_100, "queued"), inputItems: [] },
        ALICE,
        {
          background: true,
        },
      );
      expect(await store.update(response("resp_u1", "m1", 1_700_000_100, "in_progress"))).toBe(true);
      expect(await store.update(response("resp_u1", "m1", 1_700_000_100, "cancelled"))).toBe(true);
      expect(await store.update(response("resp_u1", "m1", 1_700_000_100, "completed"))).toBe(false);
      expect((await store.find("resp_u1", ALICE))?.response.status).toBe("cancelled");
      expect(await store.update(response("resp_missing", "m1", 1_700_000_100, "completed"))).toBe(false);
    });

    it("fails foreground responses nobody stamped since a moment, never background or finished ones", async () => {
      const started = (id: string) => response(id, "m1", 1_700_000_200, "in_progress");
      await store.save({ response: started("resp_dead"), inputItems: [] }, ALICE);
      await store.save({ response: started("resp_alive"), inputItems: [] }, ALICE);
      await store.save({ response: started("resp_job"), inputItems: [] }, ALICE, { background: true });
      await store.save({ response: response("resp_done", "m1", 1_700_000_200), inputItems: [] }, ALICE);
      const cutoff = new Date(Date.now() + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.heartbeat(["resp_alive", "resp_done"]);
      const error = { code: "server_error", message: "gone" };
      expect(await store.failAbandoned(cutoff, error)).toEqual(["resp_dead"]);
      const dead = await store.find("resp_dead", ALICE);
      expect(dead?.response).toMatchObject({ status: "failed", error });
      for (const [id, status] of [
        ["resp_alive", "in_progress"],
        ["resp_job", "in_progress"],
        ["resp_done", "completed"],
      ] as const) {
        expect((await store.find(id, ALICE))?.response.status).toBe(status);
      }
      // Failed once: a later sweep finds nothing more.
      expect(await store.failAbandoned(new Date(Date.now() + 60_000), error)).toEqual(["resp_alive"]);
    });

    it("keeps a background response's stream events in order, per run, until pruned or the response goes", async () => {
      await store.save(
        { response: response("resp_ev", "m1", 1_700_000_300, "queued"), inputItems: [] },
        ALICE,
        {
          background: true,
        },
      );
      const delta = (seq: number, run: string) => ({
        seq,
        run,
        event: { type: "response.output_text.delta", delta: `d${seq}`, nul: "a\u0000b" },
      });
      await events.append("resp_ev", [delta(2, "run1"), delta(3, "run1")]);
      await events.append("resp_ev", [delta(4, "run1"), delta(3, "run1")]); // a retried write adds nothing
      expect((await events.read("resp_ev", 1, 10)).map((e) => [e.seq, e.run, e.event.delta])).toEqual([
        [2, "run1", "d2"],
        [3, "run1", "d3"],
        [4, "run1", "d4"],
      ]);
      expect((await events.read("resp_ev", 2, 1)).map((e) => e.seq)).toEqual([3]);
      // A restarted run replaces the events of the one before.
      await events.restart("resp_ev");
      await events.append("resp_ev", [delta(2, "run2")]);
      expect((await events.read("resp_ev", -1, 10)).map((e) => [e.seq, e.run])).toEqual([[2, "run2"]]);
      // Pruned by age; deleting the response takes its events.
      expect(await events.prune(new Date(Date.now() - 60_000))).toBe(0);
      await events.append("resp_ev", [delta(3, "run2")]);
      expect(await events.prune(new Date(Date.now() + 1))).toBe(2);
      await events.append("resp_ev", [delta(2, "run3")]);
      await store.delete("resp_ev", ALICE);
      expect(await events.read("resp_ev", -1, 10)).toEqual([]);
    });
  });
}
