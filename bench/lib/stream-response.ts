import { Agent, request } from "node:http";

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
        let buffer = "";
        let error = "";
        response.setEncoding("utf8");
        response.on("data", (text: string) => {
          if (response.statusCode !== 200) {
            error += text;
            return;
          }
          buffer += text;
          let at = buffer.indexOf("\n\n");
          while (at >= 0) {
            const event = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            at = buffer.indexOf("\n\n");
            if (!event.startsWith("data: ")) continue;
            const parsed = JSON.parse(event.slice(6)) as {
              type: string;
              response?: ResponseStreamTiming["response"];
            };
            if (Number.isNaN(ttft) && parsed.type === "response.output_text.delta")
              ttft = performance.now() - started;
            if (parsed.type === "response.completed" || parsed.type === "response.incomplete")
              final = parsed.response;
          }
        });
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}: ${error}`));
          else if (!final) reject(new Error("the stream ended without response.completed"));
          else resolve({ ttftMs: ttft, totalMs: performance.now() - started, response: final });
        });
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
