import { connectMcpClient, type McpTransportKind } from "./connect-mcp-client.ts";
import { isStaleSessionError } from "./is-stale-session-error.ts";
import { McpSession } from "./mcp-session.ts";

export interface McpSessionPoolOptions {
  connectTimeoutMs: number;
  idleCloseMs: number;
}

export interface UseSessionOptions {
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Whether `work` may be resent after a connection broke mid-request (a listing, not a call). */
  idempotent: boolean;
}

interface PoolEntry {
  session: Promise<McpSession>;
  users: number;
  idleTimer: NodeJS.Timeout | undefined;
}

/**
 * MCP sessions shared per (endpoint, headers): one connection serves every call of a request and
 * later requests until it sits idle for `idleCloseMs`. Headers are part of the key, so callers
 * with different tokens never share a session. Remembers which transport each endpoint speaks.
 */
export class McpSessionPool {
  readonly #options: McpSessionPoolOptions;
  readonly #entries = new Map<string, PoolEntry>();
  readonly #transports = new Map<string, McpTransportKind>();

  constructor(options: McpSessionPoolOptions) {
    this.#options = options;
  }

  /** The transport that last connected to `endpoint`, if any. */
  transportOf(endpoint: string): McpTransportKind | undefined {
    return this.#transports.get(endpoint);
  }

  /**
   * Runs `work` on the session for (endpoint, headers), opening one if needed. When the session
   * turns out to be gone (server restarted, connection dropped), reconnects once and runs it again.
   */
  async use<T>(
    endpoint: string,
    options: UseSessionOptions,
    work: (session: McpSession) => Promise<T>,
  ): Promise<T> {
    const key = `${endpoint}\n${JSON.stringify(Object.entries(options.headers).sort())}`;
    const entry = this.#acquire(key, endpoint, options);
    try {
      const session = await entry.session;
      try {
        return await work(session);
      } catch (error) {
        if (options.signal?.aborted || !isStaleSessionError(error, options)) throw error;
        this.#discard(key, entry);
        const fresh = this.#acquire(key, endpoint, options);
        try {
          return await work(await fresh.session);
        } finally {
          this.#release(key, fresh);
        }
      }
    } finally {
      this.#release(key, entry);
    }
  }

  /** Closes every session; later calls open new ones. */
  async closeAll(): Promise<void> {
    const entries = [...this.#entries.entries()];
    this.#entries.clear();
    await Promise.all(entries.map(([, entry]) => this.#close(entry)));
  }

  #acquire(key: string, endpoint: string, options: UseSessionOptions): PoolEntry {
    let entry = this.#entries.get(key);
    if (!entry) {
      const session = connectMcpClient(new URL(endpoint), {
        headers: options.headers,
        prefer: this.#transports.get(endpoint),
        // Not the caller's signal: other callers may be waiting on this connect.
        timeoutMs: this.#options.connectTimeoutMs,
      }).then(({ client, transport }) => {
        this.#transports.set(endpoint, transport);
        return new McpSession(client, transport);
      });
      const created: PoolEntry = { session, users: 0, idleTimer: undefined };
      // A failed connect is not kept: the next call tries again.
      session.catch(() => this.#discard(key, created));
      this.#entries.set(key, created);
      entry = created;
    }
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    entry.users++;
    return entry;
  }

  #release(key: string, entry: PoolEntry): void {
    entry.users--;
    if (entry.users > 0 || this.#entries.get(key) !== entry) return;
    entry.idleTimer = setTimeout(() => this.#discard(key, entry), this.#options.idleCloseMs);
    entry.idleTimer.unref();
  }

  #discard(key: string, entry: PoolEntry): void {
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
    void this.#close(entry);
  }

  async #close(entry: PoolEntry): Promise<void> {
    clearTimeout(entry.idleTimer);
    const session = await entry.session.catch(() => undefined);
    await session?.close().catch(() => {});
  }
}
