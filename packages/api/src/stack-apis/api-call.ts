import type { AccessContext } from "./access-context.ts";

/**
 * What every call into a Stack API carries, from an HTTP route, an agent or another provider:
 * who is asking, when to stop, and `X-LlamaStack-Provider-Data` (per-request keys for remote
 * providers). A provider calling on its own behalf passes `{access: {principal: null, enforced: false}}`.
 */
export interface ApiCall {
  access: AccessContext;
  /** Aborted when the client disconnects or the server shuts down. */
  signal?: AbortSignal | undefined;
  providerData?: Record<string, unknown> | undefined;
}
