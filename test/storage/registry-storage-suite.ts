import type { Model } from "@llama-stack-ts/api";
import { ConflictError, NotFoundError } from "@llama-stack-ts/api";
import { type AccessContext, type Database, ModelsTable } from "@llama-stack-ts/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ANON: AccessContext = { principal: null, enforced: false };
const ALICE: AccessContext = { principal: "alice", enforced: true };
const BOB: AccessContext = { principal: "bob", enforced: true };

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

    it("rejects a duplicate registration and never overwrites it from discovery", async () => {
      await expect(
        models.registerFromApi({ model_id: "mine", provider_id: "p1" }, BOB),
      ).rejects.toBeInstanceOf(ConflictError);
      await models.syncDiscovered("p1", [{ providerModelId: "mine", modelType: "llm" }]);
      const stored = await models.find("p1/mine", ALICE);
      expect(stored?.source).toBe("api");
      expect(stored?.resource.provider_resource_id).toBe("b");
    });

    it("unregisters API entries only", async () => {
      await models.unregister("p1/mine", ALICE);
      expect(await models.find("p1/mine", ANON)).toBeNull();
      await expect(models.unregister("p2/chat", ANON)).rejects.toBeInstanceOf(ConflictError);
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
