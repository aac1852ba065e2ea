// Inference benchmark: raw node-llama-cpp vs llama-stack-ts over HTTP on the same model and
// threads, in one run. `pnpm bench` (from the repo root). Prints tables and ratios.
import { statSync } from "node:fs";
import { loadavg, totalmem } from "node:os";
import { defaultParallel, defaultThreads, kvCacheBytesPerToken } from "@llama-stack-ts/inference";
import { benchModelPath } from "@llama-stack-ts/test-fixtures";
import { getLlama } from "node-llama-cpp";
import { benchTables } from "./lib/bench-tables.ts";
import { startBusyNeighbour } from "./lib/busy-neighbour.ts";
import { measureBandwidth } from "./lib/memory-bandwidth.ts";
import { openRawTtft, PROMPT, promptFor, type RawRun, rawDecode, rawPrefill } from "./lib/raw-engine.ts";
import { type ServerProcess, startServerProcess } from "./lib/server-process.ts";
import { median, percentile, printTable } from "./lib/stats.ts";
import { streamChat } from "./lib/stream-chat.ts";

const DECODE_TOKENS = Number(process.env.BENCH_TOKENS ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// TTFT is small and noisy on a VM: sample it separately, many times, with 1-token answers.
const TTFT_RUNS = Number(process.env.BENCH_TTFT_RUNS ?? 31);
const PREFILL_SIZES = (process.env.BENCH_PREFILL ?? "4096,32768").split(",").map(Number);
// Checked before the ~190 MB model is written.
const TABLES = benchTables(["decode", "busy", "sweep", "concurrency", "prefill", "bandwidth"]);
// Sequences per model for the concurrency table; "default" is what the server picks by itself.
const PARALLEL = (process.env.BENCH_PARALLEL ?? "default,1,4").split(",");

const modelPath = await benchModelPath();
const llama = await getLlama({ gpu: false, build: "never" });
const threads = Number(process.env.BENCH_THREADS ?? defaultThreads(llama.cpuMathCores));
const model = await llama.loadModel({ modelPath });
const CONTEXT_SIZE = 4096;
// What the server picks for this model when the config names no `parallel`.
const kvPerToken = kvCacheBytesPerToken(model.fileInfo.metadata);
const ourParallel = defaultParallel({
  gpu: false,
  kvCacheBytesPerSequence: kvPerToken === undefined ? undefined : kvPerToken * CONTEXT_SIZE,
  memoryBytes: totalmem(),
});
console.log(
  `# llama-stack-ts inference bench\nmodel ${modelPath} (${(statSync(modelPath).size / 1e6).toFixed(0)} MB), CPU math cores ${llama.cpuMathCores}, threads ${threads} (our default), ${ourParallel} sequences per model (our default), ${DECODE_TOKENS} tokens x ${RUNS} runs, load average ${loadavg()[0]!.toFixed(2)}`,
);

const serverConfig = (parallel: number | undefined) => ({
  distro_name: "bench",
  apis: ["inference"],
  providers: {
    inference: [
      {
        provider_id: "llama-cpp",
        provider_type: "inline::llama-cpp",
        config: {
          gpu: false,
          threads,
          auto_pull: false,
          max_queued_requests: 64,
          models: [
            {
              model_id: "bench",
              source: modelPath,
              chat_format: "llama3_1",
              context_size: CONTEXT_SIZE,
              ...(parallel !== undefined ? { parallel } : {}),
            },
          ],
        },
      },
    ],
  },
});
const body = {
  model: "llama-cpp/bench",
  messages: PROMPT,
  max_completion_tokens: DECODE_TOKENS,
  temperature: 0,
};
async function startServer(parallel: number | undefined): Promise<ServerProcess> {
  const server = await startServerProcess(serverConfig(parallel));
  await streamChat(server.url, { ...body, max_completion_tokens: 4 }); // load the model
  return server;
}

/**
 * Raw engine and our server in pairs, the order alternating (so both see the same machine load):
 * decode tok/s over fresh prompts (no prefix-cache help), then TTFT with 1-token answers. Ratios
 * and overheads are the median over pairs, which a burst of load elsewhere moves least.
 */
async function compareDecode(server: ServerProcess, tag: string) {
  const raw: RawRun[] = [];
  const http: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const rawRun = () => rawDecode(llama, model, threads, DECODE_TOKENS, 60_000, `${tag} ${i}`);
    const httpRun = async () => {
      const r = await streamChat(server.url, { ...body, messages: promptFor(`${tag} ${i}`) });
      return ((r.tokens - 1) * 1000) / (r.totalMs - r.ttftMs);
    };
    if (i % 2 === 0) {
      raw.push(await rawRun());
      http.push(await httpRun());
    } else {
      http.push(await httpRun());
      raw.push(await rawRun());
    }
  }
  const probe = await openRawTtft(model, threads);
  const rawTtft: number[] = [];
  const httpTtft: number[] = [];
  for (let i = 0; i < TTFT_RUNS; i++) {
    const messages = promptFor(`${tag} ttft ${i}`);
    const httpRun = async () =>
      (await streamChat(server.url, { ...body, max_completion_tokens: 1, messages })).ttftMs;
    if (i % 2 === 0) {
      rawTtft.push(await probe.sample(`${tag} ttft ${i}`));
      httpTtft.push(await httpRun());
    } else {
      httpTtft.push(await httpRun());
      rawTtft.push(await probe.sample(`${tag} ttft ${i}`));
    }
  }
  await probe.close();
  return {
    rawTps: median(raw.map((r) => r.decodeTokPerSec)),
    rawTtftCold: median(raw.map((r) => r.ttftMs)),
    httpTps: median(http),
    ratio: median(http.map((h, i) => h / raw[i]!.decodeTokPerSec)),
    rawTtft: median(rawTtft),
    httpTtft: median(httpTtft),
    ttftOverhead: median(httpTtft.map((h, i) => h - rawTtft[i]!)),
  };
}

function printDecode(title: string, d: Awaited<ReturnType<typeof compareDecode>>, goal: number) {
  printTable(
    title,
    ["path", "decode tok/s", "TTFT ms (p50, same prefix cache)", "ratio vs raw (median of pairs)"],
    [
      ["raw node-llama-cpp", d.rawTps, d.rawTtft, 1],
      ["raw, cold context (whole prompt)", d.rawTps, d.rawTtftCold, 1],
      ["llama-stack-ts HTTP stream", d.httpTps, d.httpTtft, d.ratio],
    ],
  );
  console.log(
    `TTFT overhead of HTTP + formatting + scheduling: ${d.ttftOverhead.toFixed(2)} ms (median of paired differences; goal <= 3 ms). Decode ratio goal >= ${goal}. Load average at the end: ${loadavg()[0]!.toFixed(2)}.`,
  );
}

// 1. One stream, quiet and with a CPU-busy neighbour process, against our default server.
let httpDecodeTps = Number.NaN;
let rawDecodeTps = Number.NaN;
if (TABLES.has("decode") || TABLES.has("busy")) {
  const server = await startServer(undefined);
  if (TABLES.has("decode")) {
    const quiet = await compareDecode(server, "quiet");
    printDecode("Decode, one stream", quiet, 0.97);
    httpDecodeTps = quiet.httpTps;
    rawDecodeTps = quiet.rawTps;
  }
  if (TABLES.has("busy")) {
    const neighbour = startBusyNeighbour();
    try {
      printDecode(
        "Decode, one stream, a CPU-busy neighbour process",
        await compareDecode(server, "busy"),
        0.95,
      );
    } finally {
      await neighbour.stop();
    }
  }
  await server.stop();
}

// 2. The thread sweep around our default.
if (TABLES.has("sweep")) {
  const sweep: (string | number)[][] = [];
  let best = 0;
  for (const t of [...new Set([1, 2, llama.cpuMathCores, llama.cpuMathCores * 2])].sort((a, b) => a - b)) {
    const run = await rawDecode(llama, model, t, 64, 15_000);
    best = Math.max(best, run.decodeTokPerSec);
    sweep.push([t, run.decodeTokPerSec, t === threads ? "<- default" : ""]);
  }
  for (const row of sweep) row.splice(2, 0, (row[1] as number) / best);
  printTable("Thread sweep (raw engine, 64 tokens)", ["threads", "decode tok/s", "vs best", ""], sweep);
}

// 3. Concurrent streams, each with its own prompt (a shared system prompt, a new question). All
// servers stay up and take turns, round after round, so a slow minute on the machine hits each.
if (TABLES.has("concurrency")) {
  const ROUNDS = Number(process.env.BENCH_CONCURRENCY_ROUNDS ?? 3);
  const STREAMS = [1, 2, 4, 8];
  async function concurrency(url: string, n: number, tag: string) {
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        streamChat(url, { ...body, messages: promptFor(`${tag} ${n}.${i}`), max_completion_tokens: 128 }),
      ),
    );
    const wall = performance.now() - started;
    const tokens = runs.reduce((s, r) => s + r.tokens, 0);
    const ttfts = runs.map((r) => r.ttftMs);
    return { aggregate: (tokens * 1000) / wall, ttftP50: percentile(ttfts, 50), ttftMax: Math.max(...ttfts) };
  }
  const settings = ["1", ...PARALLEL.filter((p) => p !== "1")]; // "1" first: each round's reference
  const servers = new Map<string, ServerProcess>();
  for (const setting of settings) {
    const server = await startServer(setting === "default" ? undefined : Number(setting));
    // Every sequence has served a request before, as on a server that has been up a while.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        streamChat(server.url, { ...body, messages: promptFor(`warm ${i}`), max_completion_tokens: 4 }),
      ),
    );
    servers.set(setting, server);
  }
  type Result = Awaited<ReturnType<typeof concurrency>> & { vsReference: number };
  const results = new Map<string, Result[]>();
  for (let round = 0; round < ROUNDS; round++) {
    let reference = Number.NaN; // this round's one stream on the one-sequence server
    for (const setting of settings) {
      for (const n of STREAMS) {
        const r = await concurrency(servers.get(setting)!.url, n, `${setting} r${round}`);
        if (setting === "1" && n === 1) reference = r.aggregate;
        const key = `${setting}/${n}`;
        results.set(key, [...(results.get(key) ?? []), { ...r, vsReference: r.aggregate / reference }]);
      }
    }
  }
  for (const server of servers.values()) await server.stop();
  const load: (string | number)[][] = [];
  for (const setting of settings) {
    const label =
      setting === "default"
        ? `${ourParallel} (our default)`
        : `${setting} sequence${setting === "1" ? "" : "s"}`;
    const single = median(results.get(`${setting}/1`)!.map((r) => r.aggregate));
    for (const n of STREAMS) {
      const rs = results.get(`${setting}/${n}`)!;
      const aggregate = median(rs.map((r) => r.aggregate));
      load.push([
        label,
        n,
        aggregate,
        median(rs.map((r) => r.vsReference)),
        aggregate / single,
        median(rs.map((r) => r.ttftP50)),
        median(rs.map((r) => r.ttftMax)),
      ]);
    }
  }
  printTable(
    `Concurrent streams (128 tokens each, own prompt each; median of ${ROUNDS} rounds)`,
    [
      "sequences per model",
      "streams",
      "aggregate tok/s",
      "vs 1 stream on 1 sequence",
      "vs 1 stream, same config",
      "TTFT p50 ms",
      "TTFT max ms",
    ],
    load,
  );
}

// 4. Prefill.
if (TABLES.has("prefill")) {
  const prefill: (string | number)[][] = [];
  for (const n of PREFILL_SIZES) prefill.push([n, await rawPrefill(model, threads, n)]);
  printTable("Prefill (raw engine)", ["prompt tokens", "tok/s"], prefill);
}
await model.dispose();
await llama.dispose();

// 5. Memory-bandwidth ceiling: every weight is read once per generated token.
if (TABLES.has("bandwidth")) {
  const bytesPerToken = statSync(modelPath).size;
  const bandwidth = measureBandwidth();
  const ceiling = (bandwidth.gbs * 1e9) / bytesPerToken;
  printTable(
    "Memory-bandwidth ceiling",
    ["measure", "value"],
    [
      ["bytes read per token (model file)", `${(bytesPerToken / 1e6).toFixed(1)} MB`],
      [`read bandwidth (${bandwidth.method})`, `${bandwidth.gbs.toFixed(1)} GB/s`],
      ["decode ceiling (bandwidth / bytes per token)", `${ceiling.toFixed(0)} tok/s`],
      ["raw engine decode / ceiling", (rawDecodeTps / ceiling).toFixed(2)],
      ["our HTTP decode / ceiling", (httpDecodeTps / ceiling).toFixed(2)],
    ],
  );
}
