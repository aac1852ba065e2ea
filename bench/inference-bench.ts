// Inference benchmark: raw node-llama-cpp vs llama-stack-ts over HTTP on the same model and
// threads, in one run. `pnpm bench` (from the repo root). Prints tables and ratios.
import { statSync } from "node:fs";
import { defaultThreads } from "@llama-stack-ts/inference";
import { benchModelPath } from "@llama-stack-ts/test-fixtures";
import { getLlama } from "node-llama-cpp";
import { measureBandwidth } from "./lib/memory-bandwidth.ts";
import { PROMPT, promptFor, rawCachedTtft, rawDecode, rawPrefill } from "./lib/raw-engine.ts";
import { startServerProcess } from "./lib/server-process.ts";
import { median, percentile, printTable } from "./lib/stats.ts";
import { streamChat } from "./lib/stream-chat.ts";

const DECODE_TOKENS = Number(process.env.BENCH_TOKENS ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PREFILL_SIZES = (process.env.BENCH_PREFILL ?? "4096,32768").split(",").map(Number);

const modelPath = await benchModelPath();
const llama = await getLlama({ gpu: false, build: "never" });
const threads = Number(process.env.BENCH_THREADS ?? defaultThreads(llama.cpuMathCores));
const model = await llama.loadModel({ modelPath });
console.log(
  `# llama-stack-ts inference bench\nmodel ${modelPath} (${(statSync(modelPath).size / 1e6).toFixed(0)} MB), CPU math cores ${llama.cpuMathCores}, threads ${threads} (our default), ${DECODE_TOKENS} tokens x ${RUNS} runs`,
);

// 1. Raw engine, and the thread sweep around our default.
const raw = [];
for (let i = 0; i < RUNS; i++)
  raw.push(await rawDecode(llama, model, threads, DECODE_TOKENS, 60_000, `raw ${i}`));
const rawTps = median(raw.map((r) => r.decodeTokPerSec));
const rawTtftCold = median(raw.map((r) => r.ttftMs));
// TTFT is small and noisy on a VM: sample it separately, many times, with 1-token answers.
const TTFT_RUNS = Number(process.env.BENCH_TTFT_RUNS ?? 15);
const ttftTags = Array.from({ length: TTFT_RUNS }, (_, i) => `ttft ${i}`);
const rawTtft = median(await rawCachedTtft(model, threads, ttftTags));
const sweep: (string | number)[][] = [];
let best = 0;
for (const t of [...new Set([1, 2, llama.cpuMathCores, llama.cpuMathCores * 2])].sort((a, b) => a - b)) {
  const run = await rawDecode(llama, model, t, 64, 15_000);
  best = Math.max(best, run.decodeTokPerSec);
  sweep.push([t, run.decodeTokPerSec, t === threads ? "<- default" : ""]);
}
for (const row of sweep) row.splice(2, 0, (row[1] as number) / best);

// 2. Prefill.
const prefill: (string | number)[][] = [];
for (const n of PREFILL_SIZES) prefill.push([n, await rawPrefill(model, threads, n)]);
await model.dispose();

// 3. Our server, as a separate process, same model and threads.
const serverConfig = (parallel: number) => ({
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
            { model_id: "bench", source: modelPath, chat_format: "llama3_1", context_size: 4096, parallel },
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
const server = await startServerProcess(serverConfig(1));
await streamChat(server.url, { ...body, max_completion_tokens: 4 }); // load the model
const http = [];
// A fresh prompt per run: the server's prefix cache would otherwise skip the prompt (TTFT).
for (let i = 0; i < RUNS; i++)
  http.push(await streamChat(server.url, { ...body, messages: promptFor(`http ${i}`) }));
const httpTps = median(http.map((r) => ((r.tokens - 1) * 1000) / (r.totalMs - r.ttftMs)));
const ttftSamples = [];
for (const tag of ttftTags) {
  ttftSamples.push(
    (await streamChat(server.url, { ...body, max_completion_tokens: 1, messages: promptFor(tag) })).ttftMs,
  );
}
const httpTtft = median(ttftSamples);

async function concurrency(url: string, n: number) {
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: n }, () => streamChat(url, { ...body, max_completion_tokens: 128 })),
  );
  const wall = performance.now() - started;
  const tokens = runs.reduce((s, r) => s + r.tokens, 0);
  return {
    aggregate: (tokens * 1000) / wall,
    ttftP50: percentile(
      runs.map((r) => r.ttftMs),
      50,
    ),
    ttftMax: Math.max(...runs.map((r) => r.ttftMs)),
  };
}
const load: (string | number)[][] = [];
const single = await concurrency(server.url, 1);
for (const n of [1, 2, 4, 8]) {
  const r = n === 1 ? single : await concurrency(server.url, n);
  load.push(["1 (default on CPU)", n, r.aggregate, r.aggregate / single.aggregate, r.ttftP50, r.ttftMax]);
}
await server.stop();
const batched = await startServerProcess(serverConfig(4));
await streamChat(batched.url, { ...body, max_completion_tokens: 4 });
const batchedSingle = await concurrency(batched.url, 1);
for (const n of [1, 2, 4, 8]) {
  const r = n === 1 ? batchedSingle : await concurrency(batched.url, n);
  load.push(["4 (batched)", n, r.aggregate, r.aggregate / single.aggregate, r.ttftP50, r.ttftMax]);
}
await batched.stop();
await llama.dispose();

// 4. Memory-bandwidth ceiling: every weight is read once per generated token.
const bytesPerToken = statSync(modelPath).size;
const bandwidth = measureBandwidth();
const ceiling = (bandwidth.gbs * 1e9) / bytesPerToken;

printTable(
  "Decode, one stream",
  ["path", "decode tok/s", "TTFT ms (p50, same prefix cache)", "ratio vs raw"],
  [
    ["raw node-llama-cpp", rawTps, rawTtft, 1],
    ["raw, cold context (whole prompt)", rawTps, rawTtftCold, 1],
    ["llama-stack-ts HTTP stream", httpTps, httpTtft, httpTps / rawTps],
  ],
);
console.log(
  `TTFT overhead of HTTP + formatting + scheduling: ${(httpTtft - rawTtft).toFixed(2)} ms (p50; goal <= 3 ms). Decode ratio goal >= 0.97.`,
);
printTable("Thread sweep (raw engine, 64 tokens)", ["threads", "decode tok/s", "vs best", ""], sweep);
printTable(
  "Concurrent streams (128 tokens each)",
  ["sequences per model", "streams", "aggregate tok/s", "vs 1 stream", "TTFT p50 ms", "TTFT max ms"],
  load,
);
printTable("Prefill (raw engine)", ["prompt tokens", "tok/s"], prefill);
printTable(
  "Memory-bandwidth ceiling",
  ["measure", "value"],
  [
    ["bytes read per token (model file)", `${(bytesPerToken / 1e6).toFixed(1)} MB`],
    [`read bandwidth (${bandwidth.method})`, `${bandwidth.gbs.toFixed(1)} GB/s`],
    ["decode ceiling (bandwidth / bytes per token)", `${ceiling.toFixed(0)} tok/s`],
    ["raw engine decode / ceiling", (rawTps / ceiling).toFixed(2)],
    ["our HTTP decode / ceiling", (httpTps / ceiling).toFixed(2)],
  ],
);
