// What the tool runtime adds to a tool call: a no-op tool's handler called directly, through the
// kit's wrapper (argument check, timeout, output cap), through the Stack's router (group lookup,
// tool_results shields: none configured) and over HTTP (`POST /v1/tool-runtime/invoke`, node:http
// with keep-alive), all in the same run, in alternating rounds. Goal: HTTP adds ≤ 1 ms at p50.
// `pnpm bench:tools` from the repo root; BENCH_CALLS (400 per path).
import { Agent, request } from "node:http";
import type { ProviderModule, ToolGroup, ToolRuntimeProvider } from "@llama-stack-ts/api";
import { createLogger, createStack, ProviderRegistry, parseRunConfig } from "@llama-stack-ts/core";
import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { startServer } from "@llama-stack-ts/server";
import { z } from "zod";
import { sampleInRounds } from "./lib/sample-in-rounds.ts";
import { median, percentile, printTable } from "./lib/stats.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 400);
const ROUNDS = 4;
const noop = defineTool({
  name: "noop",
  description: "Does nothing.",
  parameters: z.object({}),
  handler: () => "",
});
const module = defineToolGroup({
  type: "inline::bench-tools",
  description: "A no-op tool.",
  configSchema: z.object({}),
  defaultToolGroups: ["bench::noop"],
  create: () => ({ tools: () => [noop] }),
});
const stack = await createStack({
  config: parseRunConfig({
    version: 2,
    distro_name: "tools-bench",
    apis: ["tool_runtime"],
    providers: { tool_runtime: [{ provider_id: "bench", provider_type: "inline::bench-tools", config: {} }] },
  }),
  registry: new ProviderRegistry().register(module as ProviderModule),
  dataDir: null,
  logger: createLogger({ level: "error" }),
});
const server = await startServer(stack, { port: 0, host: "127.0.0.1" });
const provider = stack.providers.instance<ToolRuntimeProvider>("tool_runtime", "bench")!;
const group: ToolGroup = { identifier: "bench::noop", provider_id: "bench", type: "tool_group" };
const call = { access: { principal: null, enforced: false } };
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const payload = JSON.stringify({ tool_name: "noop", kwargs: {} });

function overHttp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/v1/tool-runtime/invoke`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": payload.length },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const paths: [string, () => Promise<unknown>][] = [
  [
    "handler, called directly",
    async () => noop.handler({}, { toolGroup: group, signal: new AbortController().signal }),
  ],
  [
    "provider (kit: checks, timeout, cap)",
    () => provider.invokeTool({ toolName: "noop", kwargs: {}, toolGroup: group }, {}),
  ],
  [
    "Stack router (group lookup, shields)",
    () => stack.toolRuntime.invoke({ tool_name: "noop", kwargs: {} }, call),
  ],
  ["HTTP POST /v1/tool-runtime/invoke", overHttp],
];
const samples = await sampleInRounds(paths, { calls: CALLS, rounds: ROUNDS, warmup: 50 });
const direct = median(samples.get(paths[0]![0])!);
printTable(
  `Tool call overhead (${CALLS} calls per path, ms)`,
  ["path", "p50", "p95", "added to the handler, p50"],
  paths.map(([name]) => {
    const s = samples.get(name)!;
    return [name, median(s), percentile(s, 95), median(s) - direct];
  }),
);
const added = median(samples.get(paths[3]![0])!) - direct;
console.log(`\nHTTP adds ${added.toFixed(3)} ms at p50 (goal <= 1 ms).`);
agent.destroy();
await server.close();
