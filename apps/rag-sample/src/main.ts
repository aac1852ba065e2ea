// Sample: put a folder of documents into a vector store with a progress bar, then search it.
//   pnpm --filter @llama-stack-ts/rag-sample start -- ./docs --query "how do llamas hum?"
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import OpenAI from "openai";
import { ingestFiles } from "./ingest-files.ts";
import { createProgressDisplay } from "./progress-display.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: process.env.LLAMA_STACK_URL ?? "http://localhost:8321" },
    store: { type: "string", default: "rag-sample" },
    "embedding-model": { type: "string" },
    query: { type: "string" },
    "api-key": { type: "string", default: process.env.LLAMA_STACK_API_KEY ?? "none" },
  },
});
if (positionals.length === 0) {
  console.error("usage: rag-sample <file or folder>... [--query Q] [--store NAME] [--url URL]");
  process.exit(2);
}

async function expand(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith(".")).map((e) => expand(join(path, e.name))),
  );
  return nested.flat();
}

const client = new OpenAI({ baseURL: `${values.url}/v1`, apiKey: values["api-key"] });
const paths = (await Promise.all(positionals.map(expand))).flat();
console.log(`Ingesting ${paths.length} files into vector store '${values.store}' at ${values.url}`);
const display = createProgressDisplay(process.stdout);
const result = await ingestFiles({
  client,
  paths,
  storeName: values.store,
  embeddingModel: values["embedding-model"],
  onProgress: display.update,
});
display.finish();
for (const failure of result.failures) console.log(`  failed: ${failure.filename}: ${failure.error}`);
console.log(`Vector store ${result.storeId}: batch ${result.batchStatus}`);

if (values.query) {
  const results = await client.vectorStores.search(result.storeId, {
    query: values.query,
    max_num_results: 3,
  });
  for (const hit of results.data) {
    const text = hit.content
      .map((c) => c.text)
      .join(" ")
      .replace(/\s+/g, " ")
      .slice(0, 120);
    console.log(`  ${hit.score.toFixed(3)}  ${hit.filename}: ${text}`);
  }
}
