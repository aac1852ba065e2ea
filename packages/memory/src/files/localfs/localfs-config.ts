import { z } from "zod";

export const LocalFsFilesConfigSchema = z.strictObject({
  /** Where the bytes are kept; default `<data dir>/providers/<provider_id>`. */
  storage_dir: z.string().min(1).nullish(),
  /** Uploads larger than this get 413; default 512 MiB. */
  max_file_size_bytes: z
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  /** Upstream's separate metadata store; accepted so upstream configs load. Metadata lives in the Stack's database. */
  metadata_store: z.unknown().optional(),
});
export type LocalFsFilesConfig = z.infer<typeof LocalFsFilesConfigSchema>;
