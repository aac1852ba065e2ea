import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

export type McpTransportKind = "streamable-http" | "sse";

export interface ConnectMcpClientOptions {
  headers: Record<string, string>;
  /** Try this transport first (the one that worked last time for the endpoint). */
  prefer?: McpTransportKind | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface ConnectedMcpClient {
  client: Client;
  transport: McpTransportKind;
}

/**
 * An initialized MCP client for `endpoint`: streamable HTTP first, then SSE (older servers), or
 * the other way round when `prefer` says SSE worked before. Throws an `AggregateError` holding
 * each transport's failure when neither connects.
 */
export async function connectMcpClient(
  endpoint: URL,
  options: ConnectMcpClientOptions,
): Promise<ConnectedMcpClient> {
  const order: McpTransportKind[] =
    options.prefer === "sse" ? ["sse", "streamable-http"] : ["streamable-http", "sse"];
  const failures: unknown[] = [];
  for (const kind of order) {
    options.signal?.throwIfAborted();
    try {
      return { client: await connectWith(kind, endpoint, options), transport: kind };
    } catch (error) {
      failures.push(error);
    }
  }
  throw new AggregateError(
    failures,
    failures.map((failure, index) => `${order[index]}: ${describe(failure)}`).join("; "),
  );
}

async function connectWith(
  kind: McpTransportKind,
  endpoint: URL,
  options: ConnectMcpClientOptions,
): Promise<Client> {
  const requestInit = { headers: options.headers };
  const transport =
    kind === "streamable-http"
      ? new StreamableHTTPClientTransport(endpoint, { requestInit })
      : new SSEClientTransport(endpoint, { requestInit });
  const client = new Client({ name: "llama-stack-ts", version: "0.1.0" });
  const signal = AbortSignal.any([
    AbortSignal.timeout(options.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  // `connect` covers `initialize` with the signal, but not the transport's own start (SSE waits
  // for its `endpoint` event), hence the race.
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {}); // it settles after a successful connect too; nobody listens then
  try {
    await Promise.race([client.connect(transport, { signal }), aborted]);
    return client;
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? `${error.message} (${cause.code})` : error.message;
}
