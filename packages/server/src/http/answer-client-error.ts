import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import {
  HeadersTooLargeError,
  InvalidRequestError,
  RequestTimeoutError,
  type StackError,
} from "@llama-stack-ts/api";
import { toErrorResponse } from "../errors/error-response.ts";

/**
 * Node's `clientError`: a request its HTTP parser refused before any route ran (unknown method,
 * oversized URL or headers, a bad Content-Length or chunk size, a request sent too slowly). Node's
 * own answer is a status with an empty body; this one carries the JSON error envelope like every
 * other error, through the one mapping.
 *
 * @example
 * server.on("clientError", answerClientError);
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Nothing to answer on a connection that is gone, or whose response has already started.
  const busy = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === "ECONNRESET" || !socket.writable || busy) {
    socket.destroy();
    return;
  }
  const response = toErrorResponse(parserError(error));
  const body = JSON.stringify(response.body);
  const head = [
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`,
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(response.headers).map(([key, value]) => `${key}: ${value}`),
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

function parserError(error: Error & { code?: string }): StackError {
  const options = { retryable: false, code: error.code };
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return new HeadersTooLargeError(
        "The request line and headers are larger than the server accepts (16 KiB by default): send long values in the body.",
        options,
      );
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return new RequestTimeoutError("The request was not received in time.", options);
    case "HPE_INVALID_METHOD":
      return new InvalidRequestError("Unknown HTTP method: use GET, POST, PUT or DELETE.", options);
    default: {
      const reason = (error as { reason?: string }).reason ?? error.message;
      return new InvalidRequestError(`Malformed HTTP request: ${reason}.`, options);
    }
  }
}
