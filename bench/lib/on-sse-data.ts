import type { IncomingMessage } from "node:http";

/**
 * Calls `onEvent` with each SSE `data:` payload of a 200 response as it arrives (no parsing
 * beyond the frame, so both bench clients pay the same); a non-200 body is collected for `onEnd`.
 */
export function onSseData(
  response: IncomingMessage,
  onEvent: (data: string) => void,
  onEnd: (error: string | null) => void,
): void {
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
      if (event.startsWith("data: ") && event !== "data: [DONE]") onEvent(event.slice(6));
    }
  });
  response.on("end", () =>
    onEnd(response.statusCode === 200 ? null : `HTTP ${response.statusCode}: ${error}`),
  );
}
