// Ingestion throughput: attaching files to a vector store (parse, chunk, embed, insert with the
// HNSW index maintained) against embedding the same chunks alone, in the same run.
// `pnpm bench:ingest` from the repo root; BENCH_FILES (4), BENCH_WORDS per file (3000).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, createStack, ProviderRegistry, parseRunConfig } from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { documentChunker, memoryProviders } from "@llama-stack-ts/memory";
import { startServer } from "@llama-stack-ts/server";
import { embeddingBenchModelPath, embeddingBenchWords } from "@llama-stack-ts/test-fixtures";
import OpenAI, { toFile } from "openai";
import { seeded } from "./lib/clustered-corpus.ts";
import { printTable } from "./lib/stats.ts";

const FILES = Number(process.env.BENCH_FILES ?? 4);
const WORDS = Number(process.env.BENCH_WORDS ?? 3000);
const EMBED_BATCH = 32;

const model = await embeddingBenchModelPath();
const stack = await createStack({
  config: parseRunConfig({
    version: 2,
    distro_name: "ingestion-bench",
    apis: ["inference", "vector_io", "files"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: {
            gpu: false,
            models: [
              {
                model_id: "embed",
                source: model,
                model_type: "embedding",
                metadata: { embedding_dimension: 384 },
              },
            ],
          },
        },
      ],
      vector_io: [{ provider_id: "pgvector", provider_type: "inline::pgvector", config: {} }],
      files: [
        {
          provider_id: "localfs",
          provider_type: "inline::localfs",
          config: { storage_dir: await mkdtemp(join(tmpdir(), "lsts-ingest-bench-")) },
        },
      ],
    },
  }),
  registry: new ProviderRegistry().register(...inferenceProviders, ...memoryProviders),
  dataDir: null,
  documentChunker,
  logger: createLogger({ level: "error" }),
});
const server = await startServer(stack, { port: 0, host: "127.0.0.1" });
const openai = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "none", maxRetries: 0, timeout: 600_000 });

// Prose-like documents: a Zipf-ish vocabulary, sentences, paragraphs.
const random = seeded(11);
const vocabulary = embeddingBenchWords;
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
const documents = Array.from({ length: FILES }, () => {
  const words = Array.from({ length: WORDS }, () => word());
  return words.join(" ").replace(/((?:\S+ ){80})/g, "$1\n\n");
});
const chunks = (
  await Promise.all(
    documents.map((text, i) =>
      documentChunker.chunk({ bytes: Buffer.from(text), filename: `doc${i}.txt` }, { type: "auto" }),
    ),
  )
).flat();
console.log(
  `# ingestion bench: ${FILES} files x ${WORDS} words = ${chunks.length} chunks (auto: 800/400 tokens), bge-small-shaped model, 1 thread`,
);

await openai.embeddings.create({ model: "llama-cpp/embed", input: chunks[0]! }); // load the model

async function embedOnly(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    await openai.embeddings.create({ model: "llama-cpp/embed", input: chunks.slice(i, i + EMBED_BATCH) });
  }
  return chunks.length / ((performance.now() - started) / 1000);
}

async function ingest(round: number): Promise<number> {
  const uploaded = [];
  for (const [i, text] of documents.entries()) {
    uploaded.push(
      await openai.files.create({
        file: await toFile(Buffer.from(text), `r${round}-doc${i}.txt`),
        purpose: "assistants",
      }),
    );
  }
  const store = await openai.vectorStores.create({ name: `bench-${round}` });
  const started = performance.now();
  let batch = await openai.vectorStores.fileBatches.create(store.id, { file_ids: uploaded.map((f) => f.id) });
  while (batch.status === "in_progress") {
    await new Promise((resolve) => setTimeout(resolve, 50));
    batch = await openai.vectorStores.fileBatches.retrieve(batch.id, { vector_store_id: store.id });
  }
  const seconds = (performance.now() - started) / 1000;
  if (batch.file_counts.completed !== FILES)
    throw new Error(`batch ended ${batch.status}: ${JSON.stringify(batch.file_counts)}`);
  return chunks.length / seconds;
}

// Alternate, so drift (thermal, other load) hits both sides alike.
const embedRuns = [await embedOnly()];
const ingestRuns = [await ingest(1)];
embedRuns.push(await embedOnly());
ingestRuns.push(await ingest(2));
await server.close();

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
printTable(
  "Ingestion vs embedding alone (chunks/s)",
  ["path", "run 1", "run 2", "mean", "ratio"],
  [
    ["embed only (POST /v1/embeddings, 32 per call)", embedRuns[0]!, embedRuns[1]!, mean(embedRuns), 1],
    [
      "attach as a file batch (parse+chunk+embed+insert)",
      ingestRuns[0]!,
      ingestRuns[1]!,
      mean(ingestRuns),
      mean(ingestRuns) / mean(embedRuns),
    ],
  ],
);
console.log("\ngoal: ingestion >= 0.9x embed-only");
