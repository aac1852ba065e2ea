import type { CursorPage } from "../common/cursor-page.ts";
import type { FileUploadFields } from "../files/file-upload.ts";
import type { ListFilesQuery, OpenAIFile, OpenAIFileDeleteResponse } from "../files/openai-file.ts";
import type { ApiCall } from "./api-call.ts";

/** An upload's bytes and what the client said about them. */
export interface FileContentInput {
  filename: string;
  /** The Content-Type sent with the bytes, if any. */
  contentType?: string | undefined;
  content: AsyncIterable<Uint8Array>;
}

/** A stored file's bytes with what a response needs to describe them. */
export interface FileContent {
  file: OpenAIFile;
  contentType: string;
  body: AsyncIterable<Uint8Array>;
}

/** `/v1/files` as the Stack offers it to its own parts (`context.api("files")`); owner-scoped. */
export interface FilesApi {
  create(input: FileContentInput, fields: FileUploadFields, call: ApiCall): Promise<OpenAIFile>;
  list(query: ListFilesQuery, call: ApiCall): Promise<CursorPage<OpenAIFile>>;
  retrieve(fileId: string, call: ApiCall): Promise<OpenAIFile>;
  content(fileId: string, call: ApiCall): Promise<FileContent>;
  delete(fileId: string, call: ApiCall): Promise<OpenAIFileDeleteResponse>;
}
