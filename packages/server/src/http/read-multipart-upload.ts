import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { Busboy, type BusboyFileStream, type BusboyInstance } from "@fastify/busboy";
import {
  InvalidRequestError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from "@llama-stack-ts/api";
import { checkEdgeInput } from "./check-edge-input.ts";

const LIMITS = { fields: 20, fieldSize: 64 * 1024, parts: 30 };
// Room for text fields and part headers when judging a declared Content-Length against the file limit.
const FORM_OVERHEAD_BYTES = LIMITS.fields * LIMITS.fieldSize + 256 * 1024;

export interface UploadedFilePart {
  filename: string;
  /** The part's Content-Type (`text/plain` when the client sent none). */
  contentType: string;
  content: AsyncIterable<Uint8Array>;
}

export interface ReadMultipartUploadOptions<T> {
  /** The form field that carries the file. */
  fileField: string;
  /** Bytes allowed in the file; beyond that, `PayloadTooLargeError`. */
  maxFileSizeBytes: number;
  /** Gets the file part as it arrives, before later fields; must consume `content` or throw. */
  onFile(part: UploadedFilePart): Promise<T>;
  signal?: AbortSignal;
}

export interface MultipartUpload<T> {
  /** Text fields by name; a repeated name keeps the last value. */
  fields: Record<string, string>;
  /** What `onFile` returned, or undefined when the form had no file part. */
  file: T | undefined;
}

/**
 * Stream a multipart/form-data request: text fields are collected, the one file part goes to
 * `onFile` chunk by chunk (with backpressure), so a large upload is never held in memory. When
 * anything fails, the file stream is destroyed and `onFile` is awaited before the error is
 * thrown, so the caller has cleaned up by the time the error response goes out.
 */
export async function readMultipartUpload<T>(
  request: Request,
  options: ReadMultipartUploadOptions<T>,
): Promise<MultipartUpload<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(
      `Unsupported Content-Type '${contentType || "(none)"}': upload files as multipart/form-data.`,
      { retryable: false },
    );
  }
  if (Number(request.headers.get("content-length")) > options.maxFileSizeBytes + FORM_OVERHEAD_BYTES) {
    throw fileTooLarge(options.maxFileSizeBytes);
  }
  if (!request.body) throw malformed("the request has no body");
  let parser: BusboyInstance;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { ...LIMITS, fileSize: options.maxFileSizeBytes },
    });
  } catch (cause) {
    throw malformed((cause as Error).message, cause);
  }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const { signal } = options;

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileStream: BusboyFileStream | undefined;
    let stored: Promise<T> | undefined;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      // Stop reading but leave the connection alone, so the error response still reaches the client
      // (the HTTP server discards what is left of the body).
      source.unpipe(parser);
      source.pause();
      if (fileStream && !fileStream.readableEnded) fileStream.destroy(asError(error));
      void Promise.allSettled([stored]).then(() => reject(error));
    };
    const onAbort = () =>
      fail(
        new ServiceUnavailableError("The upload was interrupted (client gone or server shutting down).", {
          retryable: true,
        }),
      );

    parser.on("file", (name, stream, filename, _encoding, mimeType) => {
      if (settled) return stream.resume();
      if (name !== options.fileField || fileStream) {
        stream.resume();
        return fail(
          new InvalidRequestError(
            fileStream
              ? `Send one file per request in the '${options.fileField}' field.`
              : `Unexpected file in form field '${name}': send the file as '${options.fileField}'.`,
            { param: name, retryable: false },
          ),
        );
      }
      try {
        checkEdgeInput({ filename }, "form");
      } catch (error) {
        stream.resume();
        return fail(error);
      }
      fileStream = stream;
      stream.on("limit", () => fail(fileTooLarge(options.maxFileSizeBytes)));
      // The parser emits on the live stream; a destroyed one was stopped by its consumer, whose
      // own error (from `onFile`) is the one to report.
      stream.on("error", (error) => {
        if (!stream.destroyed) fail(malformed(error.message, error));
      });
      stored = options.onFile({ filename: filename || "upload", contentType: mimeType, content: stream });
      stored.catch(fail);
    });
    parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
      if (name === options.fileField) {
        return fail(
          new InvalidRequestError(
            `Form field '${name}' must be a file part (with a filename), not a text field.`,
            { param: name, retryable: false },
          ),
        );
      }
      if (valueTruncated) return fail(malformed(`field '${name}' is longer than ${LIMITS.fieldSize} bytes`));
      try {
        checkEdgeInput({ [name]: value }, "form", "name");
      } catch (error) {
        return fail(error);
      }
      fields[name] = value;
    });
    parser.on("partsLimit", () => fail(malformed(`more than ${LIMITS.parts} parts`)));
    parser.on("fieldsLimit", () => fail(malformed(`more than ${LIMITS.fields} fields`)));
    parser.on("error", (error) => fail(malformed(asError(error).message, error)));
    // Emitted once every part is parsed and the file stream fully read.
    parser.on("finish", () => {
      if (settled) return;
      Promise.resolve(stored).then((file) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        resolve({ fields, file });
      }, fail);
    });
    source.on("error", (error) => fail(malformed(`the upload was interrupted: ${error.message}`, error)));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    source.pipe(parser);
  });
}

function fileTooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `File is larger than the files provider's limit of ${limit} bytes (max_file_size_bytes).`,
    { param: "file", code: "file_too_large", retryable: false },
  );
}

function malformed(reason: string, cause?: unknown): InvalidRequestError {
  return new InvalidRequestError(`Malformed multipart/form-data body: ${reason}.`, {
    param: "body",
    retryable: false,
    ...(cause === undefined ? {} : { cause }),
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
