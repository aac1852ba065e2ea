import { Agent, request } from "node:http";
import { onSseData } from "./on-sse-data.ts";

export interface StreamTiming {
  /** Request sent → first content chunk, ms. */
  ttftMs: number;
  /** Request sent → last chunk, ms. */
  totalMs: number;
  tokens: number;
}

// One kept-alive connection per stream, as SDK clients hold them.
const agent = new Agent({ keepAlive: true });

/**
 * One streamed chat completion over HTTP with a minimal client (node:http + line split; fetch
 * costs ~1 ms more per request on this machine), so the client's own cost stays out of the
 * server's numbers. Tokens are the server-reported usage.
 */
export function streamChat(url: string, body: Record<string, unknown>): Promise<StreamTiming> {
  const payload = JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/chat/completions`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (response) => {
        let ttft = Number.NaN;
        let tokens = 0;
        onSseData(
          response,
          (data) => {
            const chunk = JSON.parse(data) as {
              choices: { delta: { content?: string } }[];
              usage?: { completion_tokens: number };
            };
            if (Number.isNaN(ttft) && chunk.choices[0]?.delta.content) ttft = performance.now() - started;
            if (chunk.usage) tokens = chunk.usage.completion_tokens;
          },
          (error) => {
            if (error) reject(new Error(error));
            else resolve({ ttftMs: ttft, totalMs: performance.now() - started, tokens });
          },
        );
        response.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
