import { type ApiCall, NotFoundError } from "@llama-stack-ts/api";
import {
  ConversationsRouter,
  ConversationsStore,
  conversationItems,
  type Database,
} from "@llama-stack-ts/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ALICE: ApiCall = { access: { principal: "alice", enforced: true } };
const BOB: ApiCall = { access: { principal: "bob", enforced: true } };
const say = (text: string) => ({ role: "user" as const, content: text });
const texts = (items: Record<string, unknown>[]) =>
  items.map((item) => (item.content as { text: string }[])[0]!.text);

/** The conversations storage contract, run on every database driver (PGlite and `pg`). */
export function conversationsStorageSuite(
  name: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
) {
  describe(`conversations storage on ${name}`, () => {
    let handle: { database: Database; stop(): Promise<void> };
    let conversations: ConversationsRouter;

    beforeAll(async () => {
      handle = await open();
      conversations = new ConversationsRouter(new ConversationsStore(handle.database.db));
    });
    afterAll(async () => {
      await handle?.stop();
    });

    it("keeps items in the order they were appended, across batches and concurrent appends", async () => {
      const { id } = await conversations.create({ items: [say("a"), say("b")] }, ALICE);
      await conversations.appendItems(id, [say("c")], ALICE);
      await Promise.all(["d", "e", "f"].map((t) => conversations.appendItems(id, [say(t)], ALICE)));
      const all = await conversations.readItems(id, ALICE);
      expect(texts(all).slice(0, 3)).toEqual(["a", "b", "c"]);
      expect(texts(all).slice(3).sort()).toEqual(["d", "e", "f"]);
      const desc = await conversations.listItems(id, { limit: 2, order: "desc" }, ALICE);
      expect(desc.data.map((i) => i.id)).toEqual(
        all
          .slice(-2)
          .reverse()
          .map((i) => i.id),
      );
      expect(desc.has_more).toBe(true);
      const next = await conversations.listItems(
        id,
        { limit: 10, order: "desc", after: desc.last_id! },
        ALICE,
      );
      expect(next.data.map((i) => i.id)).toEqual(
        all
          .slice(0, -2)
          .reverse()
          .map((i) => i.id),
      );
      expect(next.has_more).toBe(false);
    });

    it("replaces an item re-added under its id in place, and a repeated id in one batch once", async () => {
      const { id } = await conversations.create({}, ALICE);
      await conversations.appendItems(id, [{ ...say("one"), id: "msg_1" }, say("two")], ALICE);
      const added = await conversations.appendItems(
        id,
        [{ ...say("ONE"), id: "msg_1" }, say("three"), { ...say("three again"), id: "msg_1" }],
        ALICE,
      );
      expect(added.map((i) => i.id)[0]).toBe("msg_1");
      expect(added).toHaveLength(2);
      expect(texts(await conversations.readItems(id, ALICE))).toEqual(["three again", "two", "three"]);
    });

    it("appends all or nothing, and not to a conversation being deleted or someone else's", async () => {
      const { id } = await conversations.create({}, ALICE);
      await expect(conversations.appendItems(id, [say("x")], BOB)).rejects.toBeInstanceOf(NotFoundError);
      // A jsonb-unstorable string is cleaned, not a failed insert; a missing conversation is a 404.
      await conversations.appendItems(id, [say("nul \u0000 here")], ALICE);
      expect(texts(await conversations.readItems(id, ALICE))).toEqual(["nul \uFFFD here"]);
      const appends = Array.from({ length: 5 }, () =>
        conversations.appendItems(id, [say("late")], ALICE).then(
          () => "ok",
          (e: unknown) => (e instanceof NotFoundError ? "404" : String(e)),
        ),
      );
      await conversations.delete(id, ALICE);
      for (const outcome of await Promise.all(appends)) expect(["ok", "404"]).toContain(outcome);
      const left = await handle.database.db
        .select()
        .from(conversationItems)
        .where(eq(conversationItems.conversationId, id));
      expect(left).toEqual([]);
    });

    it("keeps each principal's conversations to itself", async () => {
      const { id } = await conversations.create({ metadata: { topic: "x" } }, ALICE);
      await expect(conversations.retrieve(id, BOB)).rejects.toBeInstanceOf(NotFoundError);
      await expect(conversations.readItems(id, BOB)).rejects.toBeInstanceOf(NotFoundError);
      await expect(conversations.update(id, { metadata: {} }, BOB)).rejects.toBeInstanceOf(NotFoundError);
      await expect(conversations.delete(id, BOB)).rejects.toBeInstanceOf(NotFoundError);
      expect((await conversations.retrieve(id, ALICE)).metadata).toEqual({ topic: "x" });
    });
  });
}
