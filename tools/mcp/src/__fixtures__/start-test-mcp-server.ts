import { randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

/** A 1×1 PNG. */
export const PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface TestMcpServer {
  /** Streamable HTTP endpoint (`/mcp`), when served. */
  streamableUrl: string;
  /** SSE endpoint (`/sse`, posts to `/messages`), when served. */
  sseUrl: string;
  /** Every HTTP request received, in order. */
  requests: RecordedRequest[];
  /** `initialize` requests handled so far (one per MCP session opened). */
  sessionsOpened(): number;
  /** Drops every connection and session, then serves again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const Point = z.object({ x: z.number(), y: z.number() }).meta({ id: "Point" });

/** The tools every test server offers, one per behaviour under test. */
function buildMcpServer(): McpServer {
  const server = new McpServer({ name: "llama-stack-ts-test", version: "1.0.0" });
  server.registerTool(
    "echo",
    { description: "Echo text back.", inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: "text", text: `echo: ${text}` }] }),
  );
  server.registerTool(
    "segment_length",
    { description: "Length of a segment.", inputSchema: z.object({ from: Point, to: Point }) },
    async ({ from, to }) => ({
      content: [{ type: "text", text: String(Math.hypot(to.x - from.x, to.y - from.y)) }],
    }),
  );
  server.registerTool(
    "join_tags",
    { description: "Join tags.", inputSchema: { tags: z.array(z.string()).min(1) } },
    async ({ tags }) => ({ content: [{ type: "text", text: tags.join(",") }] }),
  );
  server.registerTool("tick", { description: "No arguments." }, async () => ({
    content: [{ type: "text", text: "tock" }],
  }));
  server.registerTool("pixel", { description: "An image." }, async () => ({
    content: [
      { type: "text", text: "a pixel" },
      { type: "image", data: PIXEL_PNG, mimeType: "image/png" },
    ],
  }));
  server.registerTool("readme", { description: "Embedded resources." }, async () => ({
    content: [
      { type: "resource", resource: { uri: "file:///readme.md", mimeType: "text/markdown", text: "# Hi" } },
      { type: "resource", resource: { uri: "file:///pixel.png", mimeType: "image/png", blob: PIXEL_PNG } },
    ],
  }));
  server.registerTool(
    "weather",
    {
      description: "Structured output.",
      inputSchema: { city: z.string() },
      outputSchema: { city: z.string(), celsius: z.number() },
    },
    async ({ city }) => ({
      content: [{ type: "text", text: `${city}: 21 °C` }],
      structuredContent: { city, celsius: 21 },
    }),
  );
  server.registerTool("fail", { description: "Always fails." }, async () => ({
    isError: true,
    content: [{ type: "text", text: "the tool broke" }],
  }));
  server.registerTool("sleep", { description: "Waits.", inputSchema: { ms: z.number() } }, async ({ ms }) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { content: [{ type: "text", text: "awake" }] };
  });
  // A second slow tool without arguments, so one chain model can call two slow tools in one step.
  server.registerTool("nap", { description: "Waits 600 ms." }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { content: [{ type: "text", text: "rested" }] };
  });
  return server;
}

/**
 * A real MCP server (the SDK's `McpServer`) on a localhost port, speaking streamable HTTP at
 * `/mcp` and/or the older SSE transport at `/sse`, recording the requests it receives.
 */
export async function startTestMcpServer(
  transports: readonly ("streamable-http" | "sse")[] = ["streamable-http", "sse"],
): Promise<TestMcpServer> {
  const requests: RecordedRequest[] = [];
  let initializations = 0;
  let streamable = new Map<string, StreamableHTTPServerTransport>();
  let sse = new Map<string, SSEServerTransport>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers });
    if (url.pathname === "/mcp" && transports.includes("streamable-http")) {
      const sessionId = req.headers["mcp-session-id"];
      if (typeof sessionId === "string") {
        const transport = streamable.get(sessionId);
        if (!transport) return void res.writeHead(404).end("session not found");
        return transport.handleRequest(req, res);
      }
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => {
          initializations++;
          streamable.set(id, transport);
        },
      });
      transport.onclose = () => transport.sessionId && streamable.delete(transport.sessionId);
      await buildMcpServer().connect(transport);
      return transport.handleRequest(req, res);
    }
    if (url.pathname === "/sse" && transports.includes("sse")) {
      if (req.method !== "GET") return void res.writeHead(405).end();
      const transport = new SSEServerTransport("/messages", res);
      sse.set(transport.sessionId, transport);
      res.on("close", () => sse.delete(transport.sessionId));
      initializations++;
      return buildMcpServer().connect(transport);
    }
    if (url.pathname === "/messages" && transports.includes("sse")) {
      const transport = sse.get(url.searchParams.get("sessionId") ?? "");
      if (!transport) return void res.writeHead(404).end("session not found");
      return transport.handlePostMessage(req, res);
    }
    res.writeHead(404).end();
  };

  let http: Server;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      http = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500);
          res.end(String(error));
        });
      });
      http.listen(port, "127.0.0.1", () => resolve((http.address() as AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });

  const port = await listen(0);
  const base = `http://127.0.0.1:${port}`;
  return {
    streamableUrl: `${base}/mcp`,
    sseUrl: `${base}/sse`,
    requests,
    sessionsOpened: () => initializations,
    async restart() {
      await stop();
      streamable = new Map();
      sse = new Map();
      await listen(port);
    },
    close: stop,
  };
}
