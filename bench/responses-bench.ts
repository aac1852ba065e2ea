// The agent loop (`/v1/responses`) against a real in-process server on inline::llama-cpp with
// chain models (fixed text or a fixed web_search call; one layer, so model time is small next to
// ours) and a trivial `web_search` tool: what the loop adds per step, TTFT against a chat
// completion, and how much of each step's prompt the KV cache saves. `pnpm bench:responses` from
// the repo root; BENCH_TABLES (overhead,ttft,cache), BENCH_CALLS (100), BENCH_TTFT_CALLS (200).
import { benchTables } from "./lib/bench-tables.ts";
import { closeJsonAgent } from "./lib/post-json.ts";
import { printTable } from "./lib/stats.ts";
import { closeResponseAgent } from "./lib/stream-response.ts";
import { type SummaryRow, startBenchStack } from "./responses/bench-stack.ts";
import { kvCache } from "./responses/kv-cache.ts";
import { loopOverhead } from "./responses/loop-overhead.ts";
import { ttft } from "./responses/ttft.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const TTFT_CALLS = Number(process.env.BENCH_TTFT_CALLS ?? 200);
const TABLES = benchTables(["overhead", "ttft", "cache"]);

const bench = await startBenchStack();
const summary: SummaryRow[] = [];
if (TABLES.has("overhead")) await loopOverhead(bench, CALLS, summary);
if (TABLES.has("ttft")) await ttft(bench, TTFT_CALLS, summary);
if (TABLES.has("cache")) await kvCache(bench, summary);

printTable("Summary", ["measure", "goal", "result", "result / goal (<= 1 meets it)"], summary);
closeJsonAgent();
closeResponseAgent();
await bench.server.close();
