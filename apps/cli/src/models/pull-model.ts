import { InvalidRequestError, UpstreamError } from "@llama-stack-ts/api";
import { createModelDownloader } from "node-llama-cpp";
import { downloadErrorReason } from "./download-error-reason.ts";
import type { DownloadProgress } from "./download-progress.ts";
import { firstServerUrl, huggingFaceEndpoint, isModelUri } from "./model-uri.ts";
import { probeServer } from "./probe-server.ts";

export interface PullModelOptions {
  uri: string;
  modelsDir: string;
  signal?: AbortSignal;
  /** Called when the transfer is about to start: the local file name and size in bytes (0 if unknown). */
  onStart?: (fileName: string, totalSize: number) => void;
  onProgress?: (progress: DownloadProgress) => void;
  env?: NodeJS.ProcessEnv;
  /** Parts of a split GGUF fetched at once. */
  parallelDownloads?: number;
}

const URI_FORMS = "hf:user/repo:QUANT, hf:user/repo/file.gguf or an https:// URL";

/**
 * Downloads `uri` into `modelsDir` and returns the local path. A file already complete is not
 * fetched again; an interrupted one resumes from its `.ipull` temp file. Aborting via `signal`
 * keeps that temp file and rejects with the signal's reason.
 */
export async function pullModel(options: PullModelOptions): Promise<string> {
  const { uri, modelsDir, signal, onStart, onProgress, env = process.env, parallelDownloads = 4 } = options;
  if (!isModelUri(uri))
    throw new InvalidRequestError(`Cannot download ${uri}: not a model URI (use ${URI_FORMS}).`);
  const fail = (error: unknown, hint: string) => {
    if (signal?.aborted) return signal.reason;
    return new UpstreamError(`Cannot download ${uri}: ${downloadErrorReason(error)}. ${hint}`, {
      cause: error,
    });
  };
  try {
    await probeServer(firstServerUrl(uri, env), signal);
  } catch (error) {
    throw fail(error, "Check your network connection, or HF_ENDPOINT if you use a mirror.");
  }
  try {
    const downloader = await createModelDownloader({
      modelUri: uri,
      dirPath: modelsDir,
      skipExisting: true,
      deleteTempFileOnCancel: false,
      showCliProgress: false,
      parallelDownloads,
      endpoints: { huggingFace: huggingFaceEndpoint(env) },
      ...(env.HF_TOKEN ? { tokens: { huggingFace: env.HF_TOKEN } } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    // Creating the downloader cannot be aborted; an interrupt that landed meanwhile stops it here.
    if (signal?.aborted) {
      await downloader.cancel();
      throw signal.reason;
    }
    onStart?.(downloader.entrypointFilename, downloader.totalSize);
    const path = await downloader.download(signal ? { signal } : {});
    // A cancelled download resolves like a finished one; only the signal tells them apart.
    if (signal?.aborted) throw signal.reason;
    return path;
  } catch (error) {
    throw fail(error, "Check the URI; for gated models set HF_TOKEN.");
  }
}
