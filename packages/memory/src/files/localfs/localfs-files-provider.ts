import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, constants, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import {
  type CallOptions,
  type FilesProvider,
  InvalidRequestError,
  type Logger,
  NotFoundError,
  PayloadTooLargeError,
  type ProviderHealth,
} from "@llama-stack-ts/api";
import type { LocalFsFilesConfig } from "./localfs-config.ts";

// Uploads are written here and renamed into place when complete, so a partial file is never visible.
const INCOMING_DIR = ".incoming";
// Left behind only by a crash mid-upload; old enough that no upload can still be writing it.
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;
const FILE_ID = /^[A-Za-z0-9_-]+$/;

export interface LocalFsFilesOptions {
  /** The provider's own directory, used when `storage_dir` is not set. */
  dataDir: string;
  logger: Logger;
}

/** `inline::localfs`: one file per id in a directory on local disk. */
export async function createLocalFsFilesProvider(
  config: LocalFsFilesConfig,
  options: LocalFsFilesOptions,
): Promise<FilesProvider> {
  const dir = resolve(config.storage_dir ?? options.dataDir);
  const incoming = join(dir, INCOMING_DIR);
  await mkdir(incoming, { recursive: true });
  await removeStaleUploads(incoming, options.logger);
  const pathOf = (fileId: string) => {
    if (!FILE_ID.test(fileId)) throw new InvalidRequestError(`Invalid file id '${fileId}'.`);
    return join(dir, fileId);
  };

  return {
    maxFileSizeBytes: config.max_file_size_bytes,

    async put(fileId: string, bytes: AsyncIterable<Uint8Array>, callOptions: CallOptions) {
      const target = pathOf(fileId);
      const temp = join(incoming, `${fileId}.${randomUUID()}.part`);
      const limit = config.max_file_size_bytes;
      let written = 0;
      try {
        await pipeline(
          bytes,
          async function* countBytes(source: AsyncIterable<Uint8Array>) {
            for await (const chunk of source) {
              written += chunk.byteLength;
              if (written > limit) throw tooLarge(limit);
              yield chunk;
            }
          },
          createWriteStream(temp, { flags: "wx", flush: true }),
          callOptions.signal ? { signal: callOptions.signal } : {},
        );
        await rename(temp, target);
        return { bytes: written };
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(fileId: string) {
      try {
        const handle = await open(pathOf(fileId), "r");
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          throw new NotFoundError("File content", fileId, "Its bytes are missing from storage.");
        }
        throw error;
      }
    },

    async delete(fileId: string) {
      await rm(pathOf(fileId), { force: true });
    },

    async health(): Promise<ProviderHealth> {
      try {
        await access(dir, constants.W_OK);
        return { status: "OK" };
      } catch (error) {
        return { status: "Error", message: `Cannot write to ${dir}: ${(error as Error).message}` };
      }
    },
  };
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `File is larger than the files provider's limit of ${limit} bytes (max_file_size_bytes).`,
    { param: "file", code: "file_too_large", retryable: false },
  );
}

async function removeStaleUploads(incoming: string, logger: Logger): Promise<void> {
  const cutoff = Date.now() - STALE_INCOMING_MS;
  for (const name of await readdir(incoming)) {
    const path = join(incoming, name);
    try {
      if ((await stat(path)).mtimeMs < cutoff) await rm(path, { force: true });
    } catch (error) {
      logger.warn("could not remove an abandoned upload", { path, error });
    }
  }
}
