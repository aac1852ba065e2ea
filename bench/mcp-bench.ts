// One MCP tool call through our provider (`remote::model-context-protocol`'s invokeTool: session
// pool, cached listing, argument check, timeout, output cap, result mapping) vs the MCP SDK's own
// Client calling the same server directly, in the same run, in alternating rounds. The server is
// an McpServer over streamable HTTP in a child process, so its work is not charged to either
// client. Goal (issue 11): ours ≤ 1.1× the SDK's at p50.
// `pnpm bench:mcp` from the repo root; BENCH_CALLS (1000 per path).
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ToolGroup } from "@llama-stack-ts/api";
import { McpToolRuntime, McpToolsConfigSchema } from "@llama-stack-ts/mcp-tools";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";
import { sampleInRounds } from "./lib/sample-in-rounds.ts";
import { median, percentile, printTable } from "./lib/stats.ts";

if (process.argv[2] === "serve") {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createServer(async (req, res) => {
    const sessionId = req.headers["mcp-session-id"];
    const known = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (known) return known.handleRequest(req, res);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    const server = new McpServer({ name: "bench", version: "1.0.0" });
    server.registerTool(
      "echo",
      { description: "Echo.", inputSchema: { text: z.string() } },
      async ({ text }) => ({
        content: [{ type: "text", text }],
      }),
    );
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  http.listen(0, "127.0.0.1", () => process.send?.((http.address() as AddressInfo).port));
} else {
  const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
  const ROUNDS = 4;
  const child = fork(new URL(import.meta.url).pathname, ["serve"], { execArgv: ["--import", "tsx"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
  const uri = `http://127.0.0.1:${port}/mcp`;

  const ours = new McpToolRuntime(McpToolsConfigSchema.parse({}));
  const group: ToolGroup = {
    identifier: "mcp::bench",
    provider_id: "mcp",
    type: "tool_group",
    mcp_endpoint: { uri },
  };
  const sdk = new Client({ name: "bench", version: "1.0.0" });
  await sdk.connect(new StreamableHTTPClientTransport(new URL(uri)));
  await sdk.listTools(); // as a careful client would, so that both validate structured output

  const paths: [string, () => Promise<unknown>][] = [
    ["MCP SDK Client.callTool", () => sdk.callTool({ name: "echo", arguments: { text: "hi" } })],
    [
      "ours: invokeTool",
      () => ours.invokeTool({ toolName: "echo", kwargs: { text: "hi" }, toolGroup: group }, {}),
    ],
  ];
  const samples = await sampleInRounds(paths, { calls: CALLS, rounds: ROUNDS, warmup: 100 });
  const sdkP50 = median(samples.get(paths[0]![0])!);
  printTable(
    `One MCP tool call over streamable HTTP (${CALLS} calls per path, ms)`,
    ["path", "p50", "p95", "ratio to the SDK, p50"],
    paths.map(([name]) => {
      const s = samples.get(name)!;
      return [name, median(s), percentile(s, 95), median(s) / sdkP50];
    }),
  );
  const ratio = median(samples.get(paths[1]![0])!) / sdkP50;
  console.log(`\nOurs / SDK at p50: ${ratio.toFixed(3)}× (goal <= 1.1×).`);
  await ours.shutdown();
  await sdk.close();
  child.kill();
}
