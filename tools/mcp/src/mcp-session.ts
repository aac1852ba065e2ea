import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type Tool, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { compileInputSchema } from "./compile-input-schema.ts";
import type { McpTransportKind } from "./connect-mcp-client.ts";

/** A tool as the server listed it, with its argument validator compiled on first use. */
export interface ListedMcpTool {
  tool: Tool;
  /** Undefined when zod cannot express the schema (the server still validates). */
  validator(): z.ZodType | undefined;
}

/** One initialized MCP connection and its tool listing, kept until `tools/list_changed`. */
export class McpSession {
  readonly client: Client;
  readonly transport: McpTransportKind;
  #listing: Promise<ListedMcpTool[]> | undefined;

  constructor(client: Client, transport: McpTransportKind) {
    this.client = client;
    this.transport = transport;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      this.#listing = undefined;
    });
  }

  /** The server's tools, from the cache unless `refresh` (every page of `tools/list`). */
  listTools(options: { refresh?: boolean; signal?: AbortSignal | undefined } = {}): Promise<ListedMcpTool[]> {
    if (!this.#listing || options.refresh) {
      const listing = this.#fetchListing(options.signal);
      this.#listing = listing;
      // A failed listing is not cached: the next caller asks again.
      listing.catch(() => {
        if (this.#listing === listing) this.#listing = undefined;
      });
    }
    return this.#listing;
  }

  /** Ends the session on the server too (streamable HTTP's DELETE), then closes the connection. */
  async close(): Promise<void> {
    const transport = this.client.transport;
    if (transport instanceof StreamableHTTPClientTransport)
      await transport.terminateSession().catch(() => {});
    await this.client.close();
  }

  async #fetchListing(signal: AbortSignal | undefined): Promise<ListedMcpTool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.listTools(
        cursor ? { cursor } : undefined,
        signal ? { signal } : undefined,
      );
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return tools.map((tool) => {
      let compiled: { validator: z.ZodType | undefined } | undefined;
      return {
        tool,
        validator: () => {
          compiled ??= { validator: compileInputSchema(tool.inputSchema) };
          return compiled.validator;
        },
      };
    });
  }
}
