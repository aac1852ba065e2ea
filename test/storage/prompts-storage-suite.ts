import { type ApiCall, ConflictError, NotFoundError } from "@llama-stack-ts/api";
import { type Database, PromptsRouter, PromptsStore, promptVersions } from "@llama-stack-ts/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ALICE: ApiCall = { access: { principal: "alice", enforced: true } };
const BOB: ApiCall = { access: { principal: "bob", enforced: true } };

/** The prompts storage contract, run on every database driver (PGlite and `pg`). */
export function promptsStorageSuite(
  name: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
) {
  describe(`prompts storage on ${name}`, () => {
    let handle: { database: Database; stop(): Promise<void> };
    let prompts: PromptsRouter;

    beforeAll(async () => {
      handle = await open();
      prompts = new PromptsRouter(new PromptsStore(handle.database.db));
    });
    afterAll(async () => {
      await handle?.stop();
    });

    it("versions a prompt, keeping the default where set_as_default leaves it", async () => {
      const created = await prompts.create({ prompt: "Hi {{ name }}", variables: ["name"] }, ALICE);
      expect(created).toEqual({
        prompt_id: expect.stringMatching(/^pmpt_[0-9a-f]{48}$/),
        version: 1,
        is_default: true,
        prompt: "Hi {{ name }}",
        variables: ["name"],
      });
      const id = created.prompt_id;
      const v2 = await prompts.update(id, { prompt: "v2", version: 1, set_as_default: false }, ALICE);
      expect(v2).toMatchObject({ version: 2, is_default: false, variables: [] });
      expect((await prompts.retrieve(id, undefined, ALICE)).version).toBe(1);
      const v3 = await prompts.update(id, { prompt: "v3", version: 2 }, ALICE);
      expect(v3).toMatchObject({ version: 3, is_default: true });
      expect((await prompts.listVersions(id, ALICE)).data.map((p) => [p.version, p.is_default])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(await prompts.setDefaultVersion(id, { version: 2 }, ALICE)).toMatchObject({
        version: 2,
        prompt: "v2",
        is_default: true,
      });
      expect((await prompts.retrieve(id, undefined, ALICE)).prompt).toBe("v2");
      expect((await prompts.retrieve(id, 3, ALICE)).is_default).toBe(false);
    });

    it("lets exactly one of two concurrent updates of the same version through", async () => {
      const { prompt_id: id } = await prompts.create({ prompt: "base" }, ALICE);
      const results = await Promise.allSettled(
        ["a", "b", "c"].map((text) => prompts.update(id, { prompt: text, version: 1 }, ALICE)),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r) => r.status === "rejected")) {
        expect(r.reason).toBeInstanceOf(ConflictError);
        expect(String(r.reason.message)).toContain("Use the latest version '2' in request.");
      }
      expect((await prompts.listVersions(id, ALICE)).data.map((p) => p.version)).toEqual([1, 2]);
    });

    it("keeps each principal's prompts to itself", async () => {
      const { prompt_id: id } = await prompts.create({ prompt: "alice's" }, ALICE);
      await expect(prompts.retrieve(id, undefined, BOB)).rejects.toBeInstanceOf(NotFoundError);
      await expect(prompts.update(id, { prompt: "x", version: 1 }, BOB)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(prompts.delete(id, BOB)).rejects.toBeInstanceOf(NotFoundError);
      expect((await prompts.list(BOB)).data.map((p) => p.prompt_id)).not.toContain(id);
      const listed = (await prompts.list(ALICE)).data.map((p) => p.prompt_id);
      expect(listed).toContain(id);
      expect(listed).toEqual([...listed].sort().reverse());
    });

    it("deletes every version with the prompt", async () => {
      const { prompt_id: id } = await prompts.create({ prompt: "gone" }, ALICE);
      await prompts.update(id, { prompt: "gone 2", version: 1 }, ALICE);
      await prompts.delete(id, ALICE);
      await expect(prompts.retrieve(id, 1, ALICE)).rejects.toBeInstanceOf(NotFoundError);
      const left = await handle.database.db
        .select()
        .from(promptVersions)
        .where(eq(promptVersions.promptId, id));
      expect(left).toEqual([]);
    });
  });
}
