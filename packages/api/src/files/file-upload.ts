import { z } from "zod";
import { FilePurposeSchema } from "./openai-file.ts";

/** Expiry relative to creation; sent as the form keys `expires_after[anchor]` and `expires_after[seconds]`. */
export const ExpiresAfterSchema = z.object({
  anchor: z.literal("created_at"),
  seconds: z.coerce.number().int().min(3600).max(2_592_000).describe("1 hour to 30 days."),
});
export type ExpiresAfter = z.infer<typeof ExpiresAfterSchema>;

/** The text fields of `POST /v1/files`, after `a[b]` form keys are nested. */
export const FileUploadFieldsSchema = z.object({
  purpose: FilePurposeSchema,
  expires_after: ExpiresAfterSchema.optional(),
});
export type FileUploadFields = z.infer<typeof FileUploadFieldsSchema>;

/** `POST /v1/files` as documented: a multipart/form-data body (read as a stream, never buffered). */
export const FileUploadFormSchema = FileUploadFieldsSchema.extend({
  file: z.file().describe("The file's bytes; its filename and Content-Type are kept."),
}).meta({ id: "FileUploadForm" });
