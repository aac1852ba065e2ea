// The agent loop (`/v1/responses`) against a real in-process server on inline::llama-cpp with
// chain models (fixed text or a fixed web_search call; one layer, so model time is small next to
// ours) and a trivial `web_search` tool: what the loop adds per step, TTFT against a chat
// completion, and how much of each step's prompt the KV cache saves. `pnpm bench:responses` from
// the repo root; BENCH_TABLES (overhead,ttft,cache), BENCH_CALLS (100), BENCH_TTFT_CALLS (200).
import { loadavg } from "node:os";
import type {
  ApiCall,
  ChatCompletionChunk,
  ChatCompletionRequest,
  InferenceApi,
  InvokeToolRequest,
  ProviderModule,
  ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { createLogger, createStack, ProviderRegistry, parseRunConfig } from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { startServer } from "@llama-stack-ts/server";
import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import { z } from "zod";
import { closeJsonAgent, postJson } from "./lib/post-json.ts";
import { measureInRounds } from "./lib/sample-in-rounds.ts";
import { median, percentile, printTable } from "./lib/stats.ts";
import { streamChat } from "./lib/stream-chat.ts";
import { closeResponseAgent, streamResponse } from "./lib/stream-response.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const TTFT_CALLS = Number(process.env.BENCH_TTFT_CALLS ?? 200);
const KNOWN_TABLES = ["overhead", "ttft", "cache"];
const TABLES = new Set((process.env.BENCH_TABLES ?? KNOWN_TABLES.join(",")).split(","));
const unknownTables = [...TABLES].filter((table) => !KNOWN_TABLES.includes(table));
if (unknownTables.length > 0) {
  console.error(
    `error: BENCH_TABLES names unknown ${unknownTables.join(", ")}; known: ${KNOWN_TABLES.join(", ")}`,
  );
  process.exit(2);
}
const LONG_LOOP = 5; // steps of the long tool loop and turns of the conversation
const GREETING = "Hello! I am a tiny test model.";
const SEARCH_RESULT = "Llamas are domesticated South American camelids.";

const [greeter, searcher] = await Promise.all([
  chainModelPath(GREETING),
  chainModelPath('[web_search(query="llamas")]'),
]);
const webSearch = defineTool({
  name: "web_search",
  description: "Returns a fixed result at once.",
  parameters: z.object({ query: z.string() }),
  handler: () => SEARCH_RESULT,
});
const searchTools = defineToolGroup({
  type: "inline::bench-search",
  description: "A web_search that answers at once.",
  configSchema: z.object({}),
  defaultToolGroups: ["bench::search"],
  create: () => ({ tools: () => [webSearch] }),
});
const stack = await createStack({
  config: parseRunConfig({
    version: 2,
    distro_name: "responses-bench",
    apis: ["inference", "tool_runtime", "conversations", "responses"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: {
            gpu: false,
            threads: 1,
            auto_pull: false,
            models: [
              { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 2048 },
              { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 4096 },
            ],
          },
        },
      ],
      tool_runtime: [{ provider_id: "bench", provider_type: "inline::bench-search", config: {} }],
    },
  }),
  registry: new ProviderRegistry().register(...inferenceProviders, searchTools as ProviderModule),
  dataDir: null,
  logger: createLogger({ level: "error" }),
});
const server = await startServer(stack, { port: 0, host: "127.0.0.1" });
const responsesUrl = `${server.url}/v1/responses`;
const call: ApiCall = { access: { principal: null, enforced: false } };
const inference = stack.routers.require("inference");
const toolRuntime = stack.routers.require("tool_runtime");
const load = () => loadavg()[0]!.toFixed(2);
const format = (value: number) => value.toFixed(2);
console.log(
  `# llama-stack-ts responses bench\nchain models on inline::llama-cpp (1 layer, 1 thread), in-memory storage, a web_search tool that returns at once; load average ${load()}`,
);

type Response = { id: string; status: string; output: { type: string; status?: string }[] };
interface StepUsage {
  prompt: number;
  completion: number;
  cached: number;
}

/** Each chat completion the loop asks for and each tool call it makes, while `run` lasts. */
async function recordLoop(run: () => Promise<unknown>) {
  const chats: ChatCompletionRequest[] = [];
  const tools: InvokeToolRequest[] = [];
  const usage: StepUsage[] = [];
  const tappedInference: InferenceApi = Object.assign(Object.create(inference) as InferenceApi, {
    chatCompletionStream: async (request: ChatCompletionRequest, apiCall: ApiCall) => {
      chats.push(structuredClone(request));
      return observeUsage(await inference.chatCompletionStream(request, apiCall), usage);
    },
  });
  const tappedTools: ToolRuntimeApi = Object.assign(Object.create(toolRuntime) as ToolRuntimeApi, {
    invoke: (request: InvokeToolRequest, apiCall: ApiCall) => {
      tools.push(structuredClone(request));
      return toolRuntime.invoke(request, apiCall);
    },
  });
  stack.routers.set("inference", tappedInference);
  stack.routers.set("tool_runtime", tappedTools);
  try {
    await run();
  } finally {
    stack.routers.set("inference", inference);
    stack.routers.set("tool_runtime", toolRuntime);
  }
  return { chats, tools, usage };
}

async function* observeUsage(chunks: AsyncIterable<ChatCompletionChunk>, into: StepUsage[]) {
  for await (const chunk of chunks) {
    if (chunk.usage) {
      into.push({
        prompt: chunk.usage.prompt_tokens,
        completion: chunk.usage.completion_tokens,
        cached: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
      });
    }
    yield chunk;
  }
}

const toolLoop = (steps: number, input = "Tell me about llamas.") => ({
  model: "llama-cpp/searcher",
  input,
  tools: [{ type: "web_search" }],
  max_infer_iters: steps,
  temperature: 0,
});

const summary: (string | number)[][] = [];

// 1. Loop overhead. Each chat request and tool call one response makes is recorded, then the
// response (HTTP) and a replay of those same calls straight through the Stack's inference and
// tool-runtime routers run as a pair: the same prompts, so the same model and KV-cache work. The
// paired difference is everything the loop adds (HTTP for one request, prepare, message building,
// stream accumulation, events, storage), including work it does while the model runs. Its slope
// from 1 to 5 steps is the per-step part, the intercept the per-response part. As a cross-check the
// routers are also timed from inside (each chat call and chunk pulled, each tool call): the
// response's wall time outside them, which misses only work done concurrently with the model.
/** Milliseconds spent inside chat completions and tool calls since the last reset. */
const inside = { model: 0, tool: 0 };
async function* timedChunks(chunks: AsyncIterable<ChatCompletionChunk>) {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const started = performance.now();
      const next = await iterator.next();
      inside.model += performance.now() - started;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
const timedInference: InferenceApi = Object.assign(Object.create(inference) as InferenceApi, {
  chatCompletionStream: async (request: ChatCompletionRequest, apiCall: ApiCall) => {
    const started = performance.now();
    const chunks = await inference.chatCompletionStream(request, apiCall);
    inside.model += performance.now() - started;
    return timedChunks(chunks);
  },
});
const timedTools: ToolRuntimeApi = Object.assign(Object.create(toolRuntime) as ToolRuntimeApi, {
  invoke: async (request: InvokeToolRequest, apiCall: ApiCall) => {
    const started = performance.now();
    try {
      return await toolRuntime.invoke(request, apiCall);
    } finally {
      inside.tool += performance.now() - started;
    }
  },
});
/** One call's wall time and the part of it spent in chat completions and tool calls. */
const split = (run: () => Promise<unknown>) => async () => {
  inside.model = 0;
  inside.tool = 0;
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  return { wall, inside: inside.model + inside.tool, rest: wall - inside.model - inside.tool };
};

if (TABLES.has("overhead")) {
  type Split = Awaited<ReturnType<ReturnType<typeof split>>>;
  const paths: [string, () => Promise<{ replay: Split; response: Split }>][] = [];
  for (const steps of [1, LONG_LOOP]) {
    const recorded = await recordLoop(async () => {
      const response = await postJson<Response>(responsesUrl, toolLoop(steps));
      const calls = response.output.filter((item) => item.type === "web_search_call");
      if (calls.length !== steps || calls.some((item) => item.status !== "completed"))
        throw new Error(`expected ${steps} completed web_search calls: ${JSON.stringify(response.output)}`);
    });
    if (recorded.chats.length !== steps || recorded.tools.length !== steps)
      throw new Error(`recorded ${recorded.chats.length} chats and ${recorded.tools.length} tool calls`);
    const replay = split(async () => {
      for (let step = 0; step < steps; step++) {
        for await (const _chunk of await timedInference.chatCompletionStream(recorded.chats[step]!, call));
        await timedTools.invoke(recorded.tools[step]!, call);
      }
    });
    const response = split(() => postJson(responsesUrl, toolLoop(steps)));
    let calls = 0;
    // A pair per call, its order alternating, so both halves see the same moment's load.
    const pair = async () => {
      if (calls++ % 2) {
        const second = await response();
        return { replay: await replay(), response: second };
      }
      return { replay: await replay(), response: await response() };
    };
    paths.push([`${steps} step${steps > 1 ? "s" : ""}`, pair]);
  }
  stack.routers.set("inference", timedInference);
  stack.routers.set("tool_runtime", timedTools);
  const samples = await measureInRounds(paths, { calls: CALLS, warmup: 10 });
  stack.routers.set("inference", inference);
  stack.routers.set("tool_runtime", toolRuntime);
  const rows = paths.map(([name]) => {
    const pairs = samples.get(name)!;
    const of = (path: "replay" | "response", part: keyof Split) => median(pairs.map((p) => p[path][part]));
    return {
      name,
      replay: of("replay", "wall"),
      response: of("response", "wall"),
      responseP95: percentile(
        pairs.map((p) => p.response.wall),
        95,
      ),
      difference: median(pairs.map((p) => p.response.wall - p.replay.wall)),
      inside: of("response", "inside"),
      replayInside: of("replay", "inside"),
      rest: of("response", "rest"),
    };
  });
  const [one, long] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const perStep = (long.difference - one.difference) / (LONG_LOOP - 1);
  const phasePerStep = (long.rest - one.rest) / (LONG_LOOP - 1);
  printTable(
    `Loop overhead (${CALLS} pairs per row, ms, p50: a response against a replay of its own chat completions and tool calls; load average ${load()})`,
    [
      "steps",
      "replay wall",
      "response wall",
      "response p95",
      "response - replay (median of pairs)",
      "model + tool, replay / response",
      "response outside model + tool",
      "ratio vs replay",
    ],
    rows.map((row) => [
      row.name,
      row.replay,
      row.response,
      row.responseP95,
      row.difference,
      `${format(row.replayInside)} / ${format(row.inside)}`,
      row.rest,
      row.response / row.replay,
    ]),
  );
  console.log(
    `Per step (slope of the paired difference, 1 to ${LONG_LOOP} steps): ${perStep.toFixed(2)} ms (goal <= 5 ms); per response: ${(one.difference - perStep).toFixed(2)} ms. Timing the phases inside the response instead gives ${phasePerStep.toFixed(2)} ms per step and ${(one.rest - phasePerStep).toFixed(2)} ms per response.`,
  );
  summary.push(["loop overhead per step, p50", "<= 5 ms", `${perStep.toFixed(2)} ms`, perStep / 5]);
}

// 2. TTFT: a streamed response against a streamed chat completion of the same prompt, both over
// HTTP with the same minimal client, in alternating rounds. Both prompts' tokens are checked equal.
if (TABLES.has("ttft")) {
  const input = "Who are you?";
  const responseBody = { model: "llama-cpp/greeter", input, temperature: 0 };
  const chatBody = {
    model: "llama-cpp/greeter",
    messages: [{ role: "user", content: input }],
    temperature: 0,
  };
  const viaResponse = await recordLoop(() => streamResponse(server.url, responseBody));
  const viaChat = await postJson<{ usage: { prompt_tokens: number } }>(`${server.url}/v1/chat/completions`, {
    ...chatBody,
    store: false,
  });
  const responseTokens = viaResponse.usage[0]!.prompt;
  const chatTokens = viaChat.usage.prompt_tokens;
  if (responseTokens !== chatTokens)
    console.log(`warning: the response's prompt has ${responseTokens} tokens, the chat's ${chatTokens}`);
  const paths: [string, () => Promise<number>][] = [
    ["streamed chat completion", async () => (await streamChat(server.url, chatBody)).ttftMs],
    ["streamed response", async () => (await streamResponse(server.url, responseBody)).ttftMs],
  ];
  const samples = await measureInRounds(paths, { calls: TTFT_CALLS, warmup: 20 });
  const chatP50 = median(samples.get(paths[0]![0])!);
  const responseP50 = median(samples.get(paths[1]![0])!);
  printTable(
    `TTFT (${TTFT_CALLS} per path in alternating rounds, ms; request sent -> first text delta; load average ${load()})`,
    ["path", "prompt tokens", "p50", "p95", "p50 - chat p50", "ratio vs chat"],
    paths.map(([name], i) => {
      const s = samples.get(name)!;
      return [
        name,
        String(i ? responseTokens : chatTokens),
        median(s),
        percentile(s, 95),
        median(s) - chatP50,
        median(s) / chatP50,
      ];
    }),
  );
  const difference = responseP50 - chatP50;
  console.log(`The response's first token comes ${difference.toFixed(2)} ms later at p50 (goal <= 2 ms).`);
  summary.push([
    "TTFT, response - chat completion, p50",
    "<= 2 ms",
    `${difference.toFixed(2)} ms`,
    difference / 2,
  ]);
}

// 3. KV-cache reuse, read from each step's usage (`prompt_tokens_details.cached_tokens`, the
// prompt tokens the provider kept from the sequence's cache). Evaluated = prompt - cached; new =
// what this step's prompt adds to the previous step's prompt and answer (tool result, formatting).
// The first step is the response's first sight of its input, so the goal is over later steps.
function cacheTable(title: string, usage: StepUsage[], label: string) {
  let evaluatedLater = 0;
  let newLater = 0;
  const rows = usage.map((step, i) => {
    const evaluated = step.prompt - step.cached;
    const previous = usage[i - 1];
    const added = previous ? step.prompt - previous.prompt - previous.completion : step.prompt;
    if (i > 0) {
      evaluatedLater += evaluated;
      newLater += added;
    }
    return [i + 1, step.prompt, step.cached, evaluated, added]
      .map(String)
      .concat(`${format(evaluated / added)}x`);
  });
  printTable(
    `${title} (load average ${load()})`,
    [label, "prompt tokens", "cached", "evaluated", "new", "evaluated / new"],
    rows,
  );
  const ratio = evaluatedLater / newLater;
  console.log(
    `${label}s 2-${usage.length}: ${evaluatedLater} tokens evaluated for ${newLater} new: ${ratio.toFixed(2)}x (goal <= 1.1x).`,
  );
  return ratio;
}

if (TABLES.has("cache")) {
  const nonce = Date.now().toString(36); // a prompt no earlier request had
  const loop = await recordLoop(() =>
    postJson(responsesUrl, toolLoop(LONG_LOOP, `Tell me about llamas (${nonce}).`)),
  );
  const loopRatio = cacheTable(`KV cache, a ${LONG_LOOP}-step tool loop (one response)`, loop.usage, "step");
  summary.push([
    `prefill / new tokens, ${LONG_LOOP}-step tool loop`,
    "<= 1.1x",
    `${format(loopRatio)}x`,
    loopRatio / 1.1,
  ]);

  const turns = await recordLoop(async () => {
    let previous: string | undefined;
    for (let turn = 1; turn <= LONG_LOOP; turn++) {
      const response: Response = await postJson<Response>(responsesUrl, {
        model: "llama-cpp/greeter",
        input: `Turn ${turn} (${nonce}): tell me more.`,
        temperature: 0,
        ...(previous ? { previous_response_id: previous } : {}),
      });
      previous = response.id;
    }
  });
  const turnRatio = cacheTable(
    `KV cache, a ${LONG_LOOP}-turn conversation (previous_response_id)`,
    turns.usage,
    "turn",
  );
  summary.push([
    `prefill / new tokens, ${LONG_LOOP}-turn conversation`,
    "<= 1.1x",
    `${format(turnRatio)}x`,
    turnRatio / 1.1,
  ]);
}

printTable("Summary", ["measure", "goal", "result", "result / goal (<= 1 meets it)"], summary);
closeJsonAgent();
closeResponseAgent();
await server.close();
