export interface StreamTiming {
  /** Request sent → first content chunk, ms. */
  ttftMs: number;
  /** Request sent → last chunk, ms. */
  totalMs: number;
  tokens: number;
}

/**
 * One streamed chat completion over HTTP with a minimal client (fetch + line split), so the
 * client's own cost stays out of the server's numbers. Tokens are the server-reported usage.
 */
export async function streamChat(url: string, body: Record<string, unknown>): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  let ttft = Number.NaN;
  let tokens = 0;
  let buffer = "";
  const decoder = new TextDecoder();
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let at = buffer.indexOf("\n\n");
    while (at >= 0) {
      const event = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      at = buffer.indexOf("\n\n");
      if (!event.startsWith("data: ") || event === "data: [DONE]") continue;
      const chunk = JSON.parse(event.slice(6)) as {
        choices: { delta: { content?: string } }[];
        usage?: { completion_tokens: number };
      };
      if (Number.isNaN(ttft) && chunk.choices[0]?.delta.content) ttft = performance.now() - started;
      if (chunk.usage) tokens = chunk.usage.completion_tokens;
    }
  }
  return { ttftMs: ttft, totalMs: performance.now() - started, tokens };
}
