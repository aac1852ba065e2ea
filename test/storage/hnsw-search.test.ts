import type { VectorChunk } from "@llama-stack-ts/api";
import { createPgvectorStore, PgvectorConfigSchema, setHnswSearch } from "@llama-stack-ts/memory";
import { describe, expect, it } from "vitest";
import { STORAGE_DRIVERS } from "./drivers.ts";

function chunks(count: number, dimension: number): VectorChunk[] {
  return Array.from({ length: count }, (_, i) => ({
    chunkId: `c${i}`,
    content: `chunk ${i}`,
    // Deterministic and distinct; some nearly coincide, so the order of near-ties is tested.
    embedding: Array.from(
      { length: dimension },
      (_, j) => Math.sin(i * 0.37 + j * 1.3) + (j === 0 ? 1.5 : 0),
    ),
    metadata: { n: i },
  }));
}

for (const [i, [name, open]] of STORAGE_DRIVERS.entries()) {
  // A dimension per driver: `ensureVectorIndex` remembers the indexes it made per process.
  const DIM = 6 + i;
  describe(`HNSW search settings on ${name}`, () => {
    it("ef_search grows with 0.65·√(rows in the dimension's index) from the configured floor, per transaction", async () => {
      const { database, stop } = await open();
      try {
        const sql = database.sql;
        const vio = createPgvectorStore(sql, PgvectorConfigSchema.parse({ ef_search: 10 }));
        await vio.createStore({ id: "vs_a", dimension: DIM }, {});
        const chosen = (floor: number) =>
          sql.transaction(async (tx) => {
            const ef = await setHnswSearch(tx, { dimension: DIM, metric: "cosine", floor });
            const [shown] = await tx.query<{ ef: string; scan: string }>(
              "SELECT current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan') AS scan",
            );
            expect(shown).toEqual({ ef: String(ef), scan: "relaxed_order" });
            return ef;
          });
        expect(await chosen(10)).toBe(10); // an empty index: the floor
        expect(await chosen(40)).toBe(40); // more rows wanted than the floor
        // Two stores share the dimension's graph: its size is what counts. The insert re-analyses.
        await vio.createStore({ id: "vs_b", dimension: DIM }, {});
        const rows = chunks(1024, DIM);
        await vio.insert("vs_a", rows.slice(0, 500), {});
        await vio.insert("vs_b", rows.slice(500), {});
        expect(await chosen(10)).toBe(21); // ⌈0.65·√1024⌉
        expect(await chosen(80)).toBe(80);
        // A dimension with no index (or none yet) keeps the floor.
        expect(
          await sql.transaction((tx) => setHnswSearch(tx, { dimension: 3000, metric: "cosine", floor: 10 })),
        ).toBe(10);
        // The settings are local to the search's transaction.
        const [after] = await sql.query<{ ef: string }>("SELECT current_setting('hnsw.ef_search') AS ef");
        expect(after!.ef).toBe("40");
        // The hits come back in exact distance order (an HNSW scan in relaxed order may not; the
        // near-coincident points here come back out of order without the re-sort).
        for (const probe of rows.filter((_, n) => n % 50 === 0)) {
          const store = Number(probe.chunkId.slice(1)) < 500 ? "vs_a" : "vs_b";
          const { chunks: hits, scores } = await vio.query(
            store,
            { mode: "vector", k: 10, embedding: probe.embedding },
            {},
          );
          expect(hits[0]!.chunkId).toBe(probe.chunkId);
          expect(scores[0]).toBeCloseTo(1, 5);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
        }
      } finally {
        await stop();
      }
    }, 60_000); // a database per driver and 1,024 inserts with the index maintained
  });
}
