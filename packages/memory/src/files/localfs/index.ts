import type { FilesProvider, ProviderModule } from "@llama-stack-ts/api";
import { type LocalFsFilesConfig, LocalFsFilesConfigSchema } from "./localfs-config.ts";
import { createLocalFsFilesProvider } from "./localfs-files-provider.ts";

export const localFsFilesProvider: ProviderModule<LocalFsFilesConfig, FilesProvider> = {
  api: "files",
  providerType: "inline::localfs",
  description: "Uploaded files' bytes on local disk (default: under the distribution's data dir).",
  configSchema: LocalFsFilesConfigSchema,
  create: ({ config, dataDir, logger }) => createLocalFsFilesProvider(config, { dataDir, logger }),
};

export { type LocalFsFilesConfig, LocalFsFilesConfigSchema } from "./localfs-config.ts";
