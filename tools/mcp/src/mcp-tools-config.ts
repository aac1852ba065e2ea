import { z } from "zod";

export const McpToolsConfigSchema = z.object({
  /** Per tool call; the call becomes a tool error (`error_code` 3) past it. */
  timeout_ms: z.number().int().positive().default(30_000),
  /** Connecting (either transport) gives up after this long. */
  connect_timeout_ms: z.number().int().positive().default(10_000),
  /** Output beyond this many characters is cut, with a visible marker. */
  max_output_chars: z.number().int().positive().default(100_000),
  /** A session nobody used for this long is closed; the next call opens a new one. */
  idle_close_ms: z.number().int().positive().default(60_000),
});
export type McpToolsConfig = z.output<typeof McpToolsConfigSchema>;
