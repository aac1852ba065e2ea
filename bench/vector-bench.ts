// Vector search benchmark on embedded PGlite: a clustered 384-d corpus, query latency per mode,
// recall@10 of the HNSW index against an exact scan measured in the same run.
// `pnpm bench:vector` from the repo root; BENCH_CHUNKS (100000), BENCH_QUERIES (100),
// BENCH_EF_SEARCH (100; the floor, ef_search grows with the index), BENCH_SHARED_BUFFERS (512MB;
// the storage backend's `shared_buffers`).
import { openDatabase } from "@llama-stack-ts/core";
import {
  createPgvectorStore,
  PgvectorConfigSchema,
  setHnswSearch,
  vectorIndexDefinition,
} from "@llama-stack-ts/memory";
import { clusteredCorpus } from "./lib/clustered-corpus.ts";
import { percentile, printTable } from "./lib/stats.ts";

const COUNT = Number(process.env.BENCH_CHUNKS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const DIM = 384;
const EF_SEARCH = Number(process.env.BENCH_EF_SEARCH ?? 100);

const MAINTAINED = Number(process.env.BENCH_MAINTAINED_INSERTS ?? 2000);
const SHARED_BUFFERS = process.env.BENCH_SHARED_BUFFERS ?? "512MB";
const database = await openDatabase({ type: "sql_pglite", shared_buffers: SHARED_BUFFERS }, null);
const config = PgvectorConfigSchema.parse({ ef_search: EF_SEARCH });
const vio = createPgvectorStore(database.sql, config);
await vio.createStore({ id: "bench", dimension: DIM }, {});
const index = vectorIndexDefinition(DIM, "cosine", { m: config.m, efConstruction: config.ef_construction });
// Bulk load as pgvector advises: rows first, then one index build (far faster than row by row).
await database.sql.query(`DROP INDEX ${index.name}`);
const { chunks, query } = clusteredCorpus(COUNT, DIM, Math.max(10, Math.round(COUNT / 1000)));
console.log(
  `# vector bench: ${COUNT} chunks x ${DIM}-d (clustered), ${QUERIES} queries, ef_search floor ${EF_SEARCH}, PGlite with shared_buffers ${SHARED_BUFFERS}`,
);

const t0 = performance.now();
for (let i = 0; i < chunks.length; i += 1000) {
  await vio.insert("bench", chunks.slice(i, i + 1000), {});
  if (i % 20_000 === 0 && i > 0)
    console.log(`  loaded ${i} (${Math.round(i / ((performance.now() - t0) / 1000))} chunks/s)`);
}
const loadPerSec = COUNT / ((performance.now() - t0) / 1000);
const t1 = performance.now();
await database.sql.query("SET maintenance_work_mem = '1GB'");
await database.sql.query(index.sql);
await database.sql.query("ANALYZE vector_chunks");
const buildSeconds = (performance.now() - t1) / 1000;
console.log(`  index built in ${buildSeconds.toFixed(1)} s`);
// Steady state afterwards: every insert also updates the HNSW graph.
const extra = clusteredCorpus(MAINTAINED, DIM, 10, 99).chunks.map((c) => ({
  ...c,
  chunkId: `extra-${c.chunkId}`,
}));
const t2 = performance.now();
for (let i = 0; i < extra.length; i += 500) await vio.insert("bench", extra.slice(i, i + 500), {});
const maintainedPerSec = MAINTAINED / ((performance.now() - t2) / 1000);

const queries = Array.from({ length: QUERIES }, (_, i) => query(i));
const time = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const latencies: Record<string, number[]> = { vector: [], keyword: [], hybrid: [] };
let recallHits = 0;
for (const q of queries) {
  let approx: string[] = [];
  latencies.vector!.push(
    await time(async () => {
      approx = (await vio.query("bench", { mode: "vector", k: 10, embedding: q.embedding }, {})).chunks.map(
        (c) => c.chunkId,
      );
    }),
  );
  latencies.keyword!.push(await time(() => vio.query("bench", { mode: "keyword", k: 10, text: q.text }, {})));
  latencies.hybrid!.push(
    await time(() => vio.query("bench", { mode: "hybrid", k: 10, embedding: q.embedding, text: q.text }, {})),
  );
  const exact = await database.sql.transaction(async (tx) => {
    await tx.query("SET LOCAL enable_indexscan = off");
    await tx.query("SET LOCAL enable_bitmapscan = off");
    return tx.query<{ chunk_id: string }>(
      `SELECT chunk_id FROM vector_chunks WHERE vector_store_id = 'bench' AND dimension = ${DIM} ORDER BY embedding::vector(${DIM}) <=> $1::vector(${DIM}) LIMIT 10`,
      [`[${q.embedding.join(",")}]`],
    );
  });
  const truth = new Set(exact.map((r) => r.chunk_id));
  recallHits += approx.filter((id) => truth.has(id)).length;
}
const efSearch = await database.sql.transaction((tx) =>
  setHnswSearch(tx, { dimension: DIM, metric: "cosine", floor: EF_SEARCH }),
);
const plan = await database.sql.query<{ "QUERY PLAN": string }>(
  `EXPLAIN SELECT chunk_id FROM vector_chunks WHERE vector_store_id = 'bench' AND dimension = ${DIM} ORDER BY embedding::vector(${DIM}) <=> $1::vector(${DIM}) LIMIT 10`,
  [`[${queries[0]!.embedding.join(",")}]`],
);
await database.close();

printTable(
  "Query latency (ms)",
  ["mode", "p50", "p95", "goal p95"],
  [
    ["vector", percentile(latencies.vector!, 50), percentile(latencies.vector!, 95), "<= 10"],
    ["keyword", percentile(latencies.keyword!, 50), percentile(latencies.keyword!, 95), ""],
    ["hybrid", percentile(latencies.hybrid!, 50), percentile(latencies.hybrid!, 95), "<= 25"],
  ],
);
printTable(
  "Quality and ingestion",
  ["measure", "value"],
  [
    ["recall@10, HNSW vs exact scan", `${(recallHits / (QUERIES * 10)).toFixed(3)} (goal >= 0.95)`],
    ["ef_search chosen (grows with the index's rows)", efSearch],
    ["bulk load without index, chunks/s", loadPerSec.toFixed(0)],
    [`HNSW build over ${COUNT} chunks, s`, buildSeconds.toFixed(1)],
    [`insert with index maintained (${MAINTAINED} more), chunks/s`, maintainedPerSec.toFixed(0)],
    [
      "vector query plan uses",
      plan
        .map((r) => r["QUERY PLAN"])
        .find((l) => /Index Scan|Seq Scan/.test(l))
        ?.trim() ?? "?",
    ],
  ],
);
