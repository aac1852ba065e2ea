import {
  InvalidRequestError,
  NotFoundError,
  STORED_STRING_LIMITS,
  type VectorIoProvider,
  type VectorStoreFilter,
} from "@llama-stack-ts/api";
import type { Database } from "@llama-stack-ts/core";
import { createPgvectorStore, PgvectorConfigSchema } from "@llama-stack-ts/memory";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const opts = {};
const docs = [
  {
    chunkId: "c1",
    content: "Llamas are domesticated South American camelids.",
    embedding: [1, 0, 0, 0],
    metadata: { year: 2020, lang: "en", tag: "animal" },
    documentId: "file-a",
  },
  {
    chunkId: "c2",
    content: "Alpacas are smaller than llamas and bred for fiber.",
    embedding: [0.9, 0.1, 0, 0],
    metadata: { year: 2021, lang: "en", tag: "animal" },
    documentId: "file-a",
  },
  {
    chunkId: "c3",
    content: "PostgreSQL stores vectors with the pgvector extension.",
    embedding: [0, 1, 0, 0],
    metadata: { year: 2023, lang: "en", tag: "tech" },
    documentId: "file-b",
  },
  {
    chunkId: "c4",
    content: "Die Lamas leben in den Anden.",
    embedding: [0.7, 0, 0.7, 0],
    metadata: { year: 2019, lang: "de", tag: "animal", flag: true },
    documentId: "file-b",
  },
];

/** The vector-io contract, run by every database driver (PGlite and `pg`). */
export function vectorIoSuite(
  name: string,
  open: () => Promise<{ database: Database; stop(): Promise<void> }>,
) {
  describe(`vector io (pgvector) on ${name}`, () => {
    let handle: { database: Database; stop(): Promise<void> };
    let vio: VectorIoProvider;

    beforeAll(async () => {
      handle = await open();
      vio = createPgvectorStore(handle.database.sql, PgvectorConfigSchema.parse({}));
      await vio.createStore({ id: "vs_main", dimension: 4 }, opts);
      await vio.insert("vs_main", docs, opts);
    });
    afterAll(async () => {
      await handle?.stop();
    });

    it("vector search: nearest first, cosine similarity as the score", async () => {
      const { chunks, scores } = await vio.query(
        "vs_main",
        { mode: "vector", k: 3, embedding: [1, 0, 0, 0] },
        opts,
      );
      expect(chunks.map((c) => c.chunkId)).toEqual(["c1", "c2", "c4"]);
      expect(scores[0]).toBeCloseTo(1, 5);
      expect(scores[2]).toBeCloseTo(0.7 / Math.hypot(0.7, 0.7), 5);
      expect(chunks[0]!.documentId).toBe("file-a");
    });

    it("keyword search: any term may match, scores in [0, 1)", async () => {
      const { chunks, scores } = await vio.query(
        "vs_main",
        { mode: "keyword", k: 5, text: "llamas fiber" },
        opts,
      );
      expect(chunks[0]!.chunkId).toBe("c2"); // both terms
      expect(chunks.map((c) => c.chunkId)).toContain("c1");
      expect(chunks.map((c) => c.chunkId)).not.toContain("c3");
      for (const s of scores) {
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThan(1);
      }
    });

    it("hybrid search fuses both lists; RRF is normalised so first-in-both scores 1", async () => {
      const rrf = await vio.query(
        "vs_main",
        { mode: "hybrid", k: 4, embedding: [0.9, 0.1, 0, 0], text: "alpacas fiber" },
        opts,
      );
      expect(rrf.chunks[0]!.chunkId).toBe("c2");
      expect(rrf.scores[0]).toBeCloseTo(1, 5);
      const weighted = await vio.query(
        "vs_main",
        {
          mode: "hybrid",
          k: 4,
          embedding: [0, 1, 0, 0],
          text: "llamas",
          ranker: { type: "weighted", alpha: 1 },
        },
        opts,
      );
      expect(weighted.chunks[0]!.chunkId).toBe("c3"); // alpha 1 = vector only
    });

    it("filters on attributes: comparisons, lists, and/or, types respected", async () => {
      const ids = async (filters: VectorStoreFilter) =>
        (await vio.query("vs_main", { mode: "vector", k: 10, embedding: [1, 0, 0, 0], filters }, opts)).chunks
          .map((c) => c.chunkId)
          .sort();
      expect(await ids({ type: "eq", key: "tag", value: "tech" })).toEqual(["c3"]);
      expect(await ids({ type: "gte", key: "year", value: 2021 })).toEqual(["c2", "c3"]);
      expect(await ids({ type: "lt", key: "year", value: 2020 })).toEqual(["c4"]);
      expect(await ids({ type: "in", key: "lang", value: ["de"] })).toEqual(["c4"]);
      expect(await ids({ type: "nin", key: "year", value: [2019, 2020] })).toEqual(["c2", "c3"]);
      expect(await ids({ type: "eq", key: "flag", value: true })).toEqual(["c4"]);
      expect(
        await ids({
          type: "or",
          filters: [
            { type: "eq", key: "tag", value: "tech" },
            {
              type: "and",
              filters: [
                { type: "eq", key: "lang", value: "en" },
                { type: "ne", key: "year", value: 2021 },
              ],
            },
          ],
        }),
      ).toEqual(["c1", "c3"]);
      await expect(ids({ type: "eq", key: "bad key;", value: 1 })).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
      await expect(ids({ type: "zz", key: "a", value: 1 } as never)).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
    });

    it("restricts to documents, threshold, and re-insert replaces instead of duplicating", async () => {
      const onlyB = await vio.query(
        "vs_main",
        { mode: "vector", k: 10, embedding: [1, 0, 0, 0], documentIds: ["file-b"] },
        opts,
      );
      expect(onlyB.chunks.map((c) => c.chunkId).sort()).toEqual(["c3", "c4"]);
      const strong = await vio.query(
        "vs_main",
        { mode: "vector", k: 10, embedding: [1, 0, 0, 0], scoreThreshold: 0.9 },
        opts,
      );
      expect(strong.chunks.map((c) => c.chunkId)).toEqual(["c1", "c2"]);
      await vio.insert("vs_main", [{ ...docs[0]!, content: "Llamas, updated." }], opts);
      const all = await vio.query("vs_main", { mode: "keyword", k: 10, text: "llamas updated" }, opts);
      expect(all.chunks.filter((c) => c.chunkId === "c1")).toHaveLength(1);
      expect(all.chunks.find((c) => c.chunkId === "c1")?.content).toBe("Llamas, updated.");
    });

    it("rejects dimension mismatches naming both dimensions, and unknown stores", async () => {
      await expect(
        vio.insert("vs_main", [{ ...docs[0]!, chunkId: "x", embedding: [1, 2, 3] }], opts),
      ).rejects.toThrow("dimension 3, but vector store 'vs_main' has dimension 4");
      await expect(vio.query("vs_main", { mode: "vector", k: 1, embedding: [1, 2] }, opts)).rejects.toThrow(
        "dimension 2, but vector store 'vs_main' has dimension 4",
      );
      await expect(
        vio.query("vs_nope", { mode: "vector", k: 1, embedding: [1, 0, 0, 0] }, opts),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it("refuses over-long chunk and document ids with a 400 naming the field; ids at the limit store", async () => {
      const huge = "d".repeat(1_000_000);
      for (const [chunk, param] of [
        [{ ...docs[0]!, chunkId: "long-doc", documentId: huge }, "chunks[1].document_id"],
        [{ ...docs[0]!, chunkId: huge }, "chunks[1].chunk_id"],
      ] as const) {
        const error = await vio
          .insert("vs_main", [{ ...docs[1]!, chunkId: "ok" }, chunk], opts)
          .catch((e) => e);
        expect(error).toBeInstanceOf(InvalidRequestError);
        expect(error).toMatchObject({ param, message: expect.stringContaining("at most 1024 bytes") });
      }
      // Nothing of a refused call is stored.
      const refused = await vio.query("vs_main", { mode: "keyword", k: 10, text: "Alpacas" }, opts);
      expect(refused.chunks.map((c) => c.chunkId)).not.toContain("ok");
      // At the limit, in characters Postgres cannot compress, both indexes still take the row.
      const id = (salt: number) =>
        Array.from({ length: STORED_STRING_LIMITS.chunkId / 4 }, (_, i) =>
          String.fromCodePoint(0x1f300 + ((i * 7919 + salt) % 700)),
        ).join("");
      await vio.insert("vs_main", [{ ...docs[0]!, chunkId: id(1), documentId: id(2) }], opts);
      const stored = await vio.query(
        "vs_main",
        { mode: "vector", k: 10, embedding: [1, 0, 0, 0], documentIds: [id(2)] },
        opts,
      );
      expect(stored.chunks.map((c) => c.chunkId)).toEqual([id(1)]);
      await vio.deleteDocument?.("vs_main", id(2), opts);
    });

    it("updates a document's attributes in place: every chunk, nothing re-embedded, others untouched", async () => {
      await vio.createStore({ id: "vs_attrs", dimension: 4 }, opts);
      await vio.insert("vs_attrs", docs, opts);
      const read = async (documentId: string) =>
        (await vio.listDocumentChunks!("vs_attrs", documentId, { includeEmbeddings: true })).map((c) => ({
          chunkId: c.chunkId,
          embedding: c.embedding,
          metadata: c.metadata,
        }));
      const beforeA = await read("file-a");
      const beforeB = await read("file-b");
      await vio.updateDocumentAttributes!(
        "vs_attrs",
        "file-a",
        { set: { tag: "camelid", year: 2024 }, remove: ["lang"] },
        opts,
      );
      const afterA = await read("file-a");
      expect(afterA.map((c) => c.metadata)).toEqual([
        { year: 2024, tag: "camelid" },
        { year: 2024, tag: "camelid" },
      ]);
      expect(afterA.map(({ chunkId, embedding }) => ({ chunkId, embedding }))).toEqual(
        beforeA.map(({ chunkId, embedding }) => ({ chunkId, embedding })),
      );
      expect(await read("file-b")).toEqual(beforeB);
      const camelids = await vio.query(
        "vs_attrs",
        {
          mode: "vector",
          k: 10,
          embedding: [1, 0, 0, 0],
          filters: { type: "eq", key: "tag", value: "camelid" },
        },
        opts,
      );
      expect(camelids.chunks.map((c) => c.chunkId).sort()).toEqual(["c1", "c2"]);
      await vio.deleteStore("vs_attrs", opts);
    });

    it("supports L2 and inner-product stores beside cosine ones, and deletes stores", async () => {
      await vio.createStore({ id: "vs_l2", dimension: 4, metric: "l2" }, opts);
      await vio.createStore({ id: "vs_ip", dimension: 4, metric: "inner_product" }, opts);
      await vio.insert("vs_l2", docs, opts);
      await vio.insert("vs_ip", docs, opts);
      const l2 = await vio.query("vs_l2", { mode: "vector", k: 1, embedding: [0, 2, 0, 0] }, opts);
      expect(l2.chunks[0]!.chunkId).toBe("c3");
      expect(l2.scores[0]).toBeCloseTo(1 / 2, 5); // distance 1 → 1/(1+1)
      const ip = await vio.query("vs_ip", { mode: "vector", k: 1, embedding: [0, 0, 3, 0] }, opts);
      expect(ip.chunks[0]!.chunkId).toBe("c4");
      expect(ip.scores[0]).toBeCloseTo(2.1, 5); // dot product
      await vio.deleteStore("vs_l2", opts);
      await expect(
        vio.query("vs_l2", { mode: "vector", k: 1, embedding: [1, 0, 0, 0] }, opts),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(
        (await vio.query("vs_ip", { mode: "keyword", k: 10, text: "llamas" }, opts)).chunks.length,
      ).toBeGreaterThan(0);
    });
  });
}
