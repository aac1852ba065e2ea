import { Agent, request } from "node:http";
import { onSseData } from "./on-sse-data.ts";

export interface ResponseStreamTiming {
  /** Request sent → first `response.output_text.delta`, ms. */
  ttftMs: number;
  /** Request sent → stream end, ms. */
  totalMs: number;
  /** The `response` of `response.completed` (or `.incomplete`). */
  response: { id: string; status: string; usage: { input_tokens: number; output_tokens: number } | null };
}

const agent = new Agent({ keepAlive: true });

/**
 * One streamed `POST /v1/responses` with the same minimal client as `streamChat` (node:http and a
 * line split), so both TTFTs carry the same client cost.
 */
export function streamResponse(url: string, body: Record<string, unknown>): Promise<ResponseStreamTiming> {
  const payload = JSON.stringify({ ...body, stream: true });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/responses`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (response) => {
        let ttft = Number.NaN;
        let final: ResponseStreamTiming["response"] | undefined;
        onSseData(
          response,
          (data) => {
            const parsed = JSON.parse(data) as { type: string; response?: ResponseStreamTiming["response"] };
            if (Number.isNaN(ttft) && parsed.type === "response.output_text.delta")
              ttft = performance.now() - started;
            if (parsed.type === "response.completed" || parsed.type === "response.incomplete")
              final = parsed.response;
          },
          (error) => {
            if (error) reject(new Error(error));
            else if (!final) reject(new Error("the stream ended without response.completed"));
            else resolve({ ttftMs: ttft, totalMs: performance.now() - started, response: final });
          },
        );
        response.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Closes the kept-alive connections, so the process can exit. */
export function closeResponseAgent(): void {
  agent.destroy();
}
