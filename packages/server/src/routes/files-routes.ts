import { Readable } from "node:stream";
import {
  cursorPageSchema,
  FileUploadFieldsSchema,
  FileUploadFormSchema,
  InvalidRequestError,
  ListFilesQuerySchema,
  OpenAIFileDeleteResponseSchema,
  OpenAIFileSchema,
} from "@llama-stack-ts/api";
import type { PendingFile } from "@llama-stack-ts/core";
import { z } from "zod";
import { contentDisposition } from "../http/content-disposition.ts";
import { nestFormFields } from "../http/nest-form-fields.ts";
import { parseInput } from "../http/parse-input.ts";
import { readMultipartUpload } from "../http/read-multipart-upload.ts";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const FileIdParams = z.object({ file_id: z.string().min(1) });

export function filesRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/files",
      api: "files",
      summary: "Upload a file (multipart/form-data: `file`, `purpose`, optional `expires_after`).",
      description:
        "The file is streamed to the files provider, never buffered; over the provider's " +
        "`max_file_size_bytes` the answer is 413 and nothing is kept. `expires_after` is sent as the " +
        "form keys `expires_after[anchor]` (`created_at`) and `expires_after[seconds]` (3600–2592000).",
      multipart: FileUploadFormSchema,
      response: OpenAIFileSchema,
      handler: async ({ stack, call, signal, context }) => {
        // Fields may follow the file part (both clients send `file` first), so the bytes are
        // stored before the purpose is known and discarded if the form turns out invalid.
        let pending: PendingFile | undefined;
        try {
          const form = await readMultipartUpload(context.req.raw, {
            fileField: "file",
            maxFileSizeBytes: stack.files.maxFileSizeBytes,
            signal,
            onFile: async (part) => {
              pending = await stack.files.upload(part, call);
            },
          });
          const fields = parseInput(FileUploadFieldsSchema, nestFormFields(form.fields), "body");
          if (!pending) {
            throw new InvalidRequestError(
              "Invalid request: body.file: required; send the file as a multipart part named 'file' with a filename.",
              { param: "body.file", retryable: false },
            );
          }
          return await stack.files.commit(pending, fields, call);
        } catch (error) {
          if (pending) await stack.files.discard(pending);
          throw error;
        }
      },
    }),
    defineRoute({
      method: "GET",
      path: "/v1/files",
      api: "files",
      summary: "The caller's files, newest first by default; filter by `purpose`.",
      query: ListFilesQuerySchema,
      response: cursorPageSchema(OpenAIFileSchema),
      handler: async ({ stack, query, call }) => stack.files.list(query, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/files/{file_id}",
      api: "files",
      summary: "One file's metadata.",
      params: FileIdParams,
      response: OpenAIFileSchema,
      handler: async ({ stack, params, call }) => stack.files.retrieve(params.file_id, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/files/{file_id}",
      api: "files",
      summary: "Delete a file and its bytes.",
      params: FileIdParams,
      response: OpenAIFileDeleteResponseSchema,
      handler: async ({ stack, params, call }) => stack.files.delete(params.file_id, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/files/{file_id}/content",
      api: "files",
      summary: "The file's bytes, with its Content-Type and filename (Content-Disposition).",
      params: FileIdParams,
      response: z.file(),
      responseMediaType: "application/octet-stream",
      handler: async ({ stack, params, call }) => {
        const { file, contentType, body } = await stack.files.content(params.file_id, call);
        const stream = Readable.toWeb(Readable.from(body)) as ReadableStream<Uint8Array>;
        return new Response(stream, {
          headers: {
            "content-type": contentType,
            "content-length": String(file.bytes),
            "content-disposition": contentDisposition(file.filename),
            // Uploaded bytes are served as data, never sniffed into something a browser would run.
            "x-content-type-options": "nosniff",
          },
        });
      },
    }),
  ];
}
