import type { Model } from "@llama-stack-ts/api";
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  type Shield,
  STORED_STRING_LIMITS,
} from "@llama-stack-ts/api";
import { type AccessContext, type Database, ModelsTable, ResourceTable } from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ANON: AccessContext = { principal: null, enforced: false };
const ALICE: AccessContext = { principal: "alice", enforced: true };
const BOB: AccessContext = { principal: "bob", enforced: true };
const CAROL: AccessContext = { principal: "carol", enforced: true };

/** `bytes` UTF-8 bytes of varied 3-byte characters, so Postgres cannot compress the index entry. */
function incompressible(bytes: number): string {
  return Array.from({ length: Math.floor(bytes / 3) }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
  ).join("");
}

/**
 * The routing-table storage contract, run by every database driver (PGlite and `pg`), like
 * drizzle's shared pg suite: same schema, same migrations, same behaviour.
 */
export function registryStorageSuite(
  name: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
) {
  describe(`registry storage on ${name}`, () => {
    let handle: { database: Database; stop(): Promise<void> };
    let models: ModelsTable;

    beforeAll(async () => {
      handle = await open();
      models = new ModelsTable(handle.database.db, ["p1", "p2"]);
    });
    afterAll(async () => {
      await handle?.stop();
    });

    it("applied the committed migrations", async () => {
      expect(await models.list(ANON)).toEqual([]);
    });

    it("syncs discovered models per provider, replacing what the provider no longer reports", async () => {
      await models.syncDiscovered("p1", [
        { providerModelId: "a", modelType: "llm" },
        { providerModelId: "b", modelType: "embedding", metadata: { embedding_dimension: 8 } },
      ]);
      await models.syncDiscovered("p2", [{ providerModelId: "a", modelType: "llm" }]);
      expect((await models.list(ANON)).map((m) => m.identifier)).toEqual(["p1/a", "p1/b", "p2/a"]);
      await models.syncDiscovered("p1", [
        { providerModelId: "b", modelType: "embedding", metadata: { embedding_dimension: 8 } },
      ]);
      expect((await models.list(ANON)).map((m) => m.identifier)).toEqual(["p1/b", "p2/a"]);
      expect((await models.get("p1/b", ANON)).metadata).toEqual({ embedding_dimension: 8 });
    });

    it("keeps config entries across syncs and lets the latest config win", async () => {
      await models.syncConfigured([
        {
          model_id: "chat",
          provider_id: "p2",
          provider_model_id: "a",
          model_type: "llm",
          metadata: { v: 1 },
        },
      ]);
      await models.syncConfigured([
        {
          model_id: "chat",
          provider_id: "p2",
          provider_model_id: "a",
          model_type: "llm",
          metadata: { v: 2 },
        },
      ]);
      expect((await models.get("p2/chat", ANON)).metadata).toEqual({ v: 2 });
      await models.syncDiscovered("p2", []);
      expect((await models.get("p2/chat", ANON)).provider_resource_id).toBe("a");
    });

    it("records owners and hides one principal's resources from another", async () => {
      const model: Model = await models.registerFromApi(
        { model_id: "mine", provider_id: "p1", provider_model_id: "b" },
        ALICE,
      );
      expect(model.identifier).toBe("p1/mine");
      expect((await models.find("p1/mine", ALICE))?.owner).toBe("alice");
      expect(await models.find("p1/mine", BOB)).toBeNull();
      expect((await models.list(BOB)).map((m) => m.identifier)).not.toContain("p1/mine");
      await expect(models.unregister("p1/mine", BOB)).rejects.toBeInstanceOf(NotFoundError);
      // With auth off (single tenant) everything is visible.
      expect(await models.find("p1/mine", ANON)).not.toBeNull();
    });

    it("gives each principal its own id space: another principal's id registers, not a 409", async () => {
      // Before decision 0009 Bob got a 409 here, which told him an id he cannot see exists.
      const bobs = await models.registerFromApi({ model_id: "mine", provider_id: "p1" }, BOB);
      expect(bobs.provider_resource_id).toBe("mine");
      expect((await models.resolve("p1/mine", ALICE)).provider_resource_id).toBe("b");
      expect((await models.resolve("p1/mine", BOB)).provider_resource_id).toBe("mine");
      expect((await models.find("p1/mine", BOB))?.owner).toBe("bob");
      expect((await models.list(BOB)).filter((m) => m.identifier === "p1/mine")).toHaveLength(1);
      expect(await models.find("p1/mine", CAROL)).toBeNull();
    });

    it("answers 409 only for an id the caller can see: its own or a shared one", async () => {
      await expect(
        models.registerFromApi({ model_id: "mine", provider_id: "p1" }, ALICE),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        models.registerFromApi({ model_id: "chat", provider_id: "p2" }, ALICE),
      ).rejects.toBeInstanceOf(ConflictError);
      // Without enforced auth every entry is visible, so every used id conflicts.
      await expect(
        models.registerFromApi({ model_id: "mine", provider_id: "p1" }, ANON),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it("never overwrites API entries from discovery; a caller's own entry shadows a shared one", async () => {
      await models.syncDiscovered("p1", [{ providerModelId: "mine", modelType: "llm" }]);
      const stored = await models.find("p1/mine", ALICE);
      expect(stored?.source).toBe("api");
      expect(stored?.resource.provider_resource_id).toBe("b");
      expect((await models.find("p1/mine", CAROL))?.source).toBe("discovery");
      expect((await models.list(ALICE)).filter((m) => m.identifier === "p1/mine")).toEqual([
        stored?.resource,
      ]);
    });

    it("unregisters API entries only, and only the caller's own", async () => {
      await models.unregister("p1/mine", ALICE);
      expect((await models.find("p1/mine", ALICE))?.source).toBe("discovery");
      expect((await models.find("p1/mine", BOB))?.owner).toBe("bob");
      await models.unregister("p1/mine", BOB);
      expect((await models.find("p1/mine", BOB))?.source).toBe("discovery");
      await expect(models.unregister("p1/mine", BOB)).rejects.toBeInstanceOf(ConflictError);
      await models.syncDiscovered("p1", []);
      expect(await models.find("p1/mine", ANON)).toBeNull();
      await expect(models.unregister("p2/chat", ANON)).rejects.toBeInstanceOf(ConflictError);
    });

    it("refuses over-long ids with a 400 naming the field, on every way in, and stores ids at the limit", async () => {
      const huge = "m".repeat(300_000);
      for (const [request, param] of [
        [{ model_id: huge, provider_id: "p1" }, "model_id"],
        [{ model_id: "ok", provider_id: "p1", provider_model_id: huge }, "provider_model_id"],
      ] as const) {
        const error = await models.registerFromApi(request, ALICE).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidRequestError);
        expect((error as InvalidRequestError).param).toBe(param);
        expect((error as InvalidRequestError).message).toContain(
          `at most ${STORED_STRING_LIMITS.resourceId} bytes`,
        );
      }
      const config = models.syncConfigured([
        { model_id: huge, provider_id: "p1", model_type: "llm", metadata: {} },
      ]);
      await expect(config).rejects.toMatchObject({ param: "model_id" });
      // In-process registration straight into a table (tool groups, vector stores) is checked too.
      const shields = new ResourceTable<Shield>(
        handle.database.db,
        "shield",
        "Shield",
        (b) => b as Shield,
        "",
      );
      const direct = shields.register({ identifier: huge, provider_id: "s", type: "shield" }, ALICE);
      await expect(direct).rejects.toMatchObject({ kind: "invalid_request", param: "identifier" });
      const provider = shields.sync("config", [
        { identifier: "s1", provider_id: "s", provider_resource_id: huge, type: "shield" },
      ]);
      await expect(provider).rejects.toMatchObject({
        kind: "invalid_request",
        param: "provider_resource_id",
      });
      // A provider reporting an over-long id has it skipped (and logged by the caller), not stored.
      expect(await models.syncDiscovered("p2", [{ providerModelId: huge, modelType: "llm" }])).toEqual([
        huge,
      ]);
      expect(await models.find(`p2/${huge}`, ANON)).toBeNull();

      const longest = `p1/${incompressible(STORED_STRING_LIMITS.resourceId - 3)}`;
      const owner: AccessContext = { principal: incompressible(240), enforced: true };
      expect((await models.registerFromApi({ model_id: longest }, owner)).identifier).toBe(longest);
      expect((await models.find(longest, owner))?.owner).toBe(owner.principal);
      await models.unregister(longest, owner);
    });

    it("serves concurrent reads and writes without losing any", async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          models.registerFromApi({ model_id: `c${i}`, provider_id: "p2" }, ANON),
        ),
      );
      const ids = (await models.list(ANON)).map((m) => m.identifier).filter((id) => /^p2\/c\d+$/.test(id));
      expect(ids).toHaveLength(20);
    });
  });
}
