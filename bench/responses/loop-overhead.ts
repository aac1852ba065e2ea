import type {
  ApiCall,
  ChatCompletionChunk,
  ChatCompletionRequest,
  InferenceApi,
  InvokeToolRequest,
  ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { postJson } from "../lib/post-json.ts";
import { measureInRounds } from "../lib/sample-in-rounds.ts";
import { median, percentile, printTable } from "../lib/stats.ts";
import {
  type BenchStack,
  call,
  format,
  LONG_LOOP,
  load,
  type Response,
  type SummaryRow,
  toolLoop,
} from "./bench-stack.ts";

// 1. Loop overhead. Each chat request and tool call one response makes is recorded, then the
// response (HTTP) and a replay of those same calls straight through the Stack's inference and
// tool-runtime routers run as a pair: the same prompts, so the same model and KV-cache work. The
// paired difference is everything the loop adds (HTTP for one request, prepare, message building,
// stream accumulation, events, storage), including work it does while the model runs. Its slope
// from 1 to 5 steps is the per-step part, the intercept the per-response part. As a cross-check the
// routers are also timed from inside (each chat call and chunk pulled, each tool call): the
// response's wall time outside them, which misses only work done concurrently with the model.
export async function loopOverhead(bench: BenchStack, callsPerRow: number, summary: SummaryRow[]) {
  const { stack, responsesUrl, inference, toolRuntime, recordLoop } = bench;
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
  const samples = await measureInRounds(paths, { calls: callsPerRow, warmup: 10 });
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
    `Loop overhead (${callsPerRow} pairs per row, ms, p50: a response against a replay of its own chat completions and tool calls; load average ${load()})`,
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
