/** Per-call context every provider method receives. */
export interface CallOptions {
  /** Aborted when the client disconnects or the server shuts down. */
  signal?: AbortSignal;
  /** The authenticated principal, or null when auth is off. */
  principal?: string | null;
  /** `X-LlamaStack-Provider-Data`: per-request keys for remote providers. */
  providerData?: Record<string, unknown>;
}
