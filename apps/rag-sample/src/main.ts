// Sample: put a folder of documents into a vector store with a progress bar, then search it.
//   npx -y pnpm@10.34.8 --filter @llama-stack-ts/rag-sample start -- ./docs --query "how do llamas hum?"
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import OpenAI from "openai";
import { ingestFiles } from "./ingest-files.ts";
import { parseSampleArgs, type SampleArgs, SampleUsageError, USAGE } from "./parse-sample-args.ts";
import { createProgressDisplay } from "./progress-display.ts";

async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => {
    throw new Error(`no such file or folder: ${path}`);
  });
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith(".")).map((e) => expand(join(path, e.name))),
  );
  return nested.flat();
}

async function main(args: SampleArgs): Promise<void> {
  const client = new OpenAI({ baseURL: `${args.url}/v1`, apiKey: args.apiKey, maxRetries: 0 });
  const paths = (await Promise.all(args.paths.map(expand))).flat();
  console.log(`Ingesting ${paths.length} files into vector store '${args.store}' at ${args.url}`);
  const display = createProgressDisplay(process.stdout);
  const result = await ingestFiles({
    client,
    paths,
    storeName: args.store,
    embeddingModel: args.embeddingModel,
    onProgress: display.update,
  });
  display.finish();
  for (const failure of result.failures) console.log(`  failed: ${failure.filename}: ${failure.error}`);
  console.log(`Vector store ${result.storeId}: batch ${result.batchStatus}`);
  if (!args.query) return;
  const results = await client.vectorStores.search(result.storeId, { query: args.query, max_num_results: 3 });
  for (const hit of results.data) {
    const text = hit.content
      .map((c) => c.text)
      .join(" ")
      .replace(/\s+/g, " ")
      .slice(0, 120);
    console.log(`  ${hit.score.toFixed(3)}  ${hit.filename}: ${text}`);
  }
}

let args: SampleArgs;
try {
  args = parseSampleArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SampleUsageError)) throw error;
  console.error(`error: ${error.message}\n${USAGE}`);
  process.exit(2);
}
try {
  await main(args);
} catch (error) {
  // The client's bare "Connection error." does not say which server it tried.
  const message =
    error instanceof OpenAI.APIConnectionError
      ? `cannot reach the Stack at ${args.url} (start it with \`npx -y pnpm@10.34.8 start\`, or pass --url)`
      : (error as Error).message.split("\n")[0];
  console.error(`error: ${message}`);
  process.exit(1);
}
