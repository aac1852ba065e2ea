import { existsSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import { ServiceUnavailableError } from "@llama-stack-ts/api";
import { resolveModelFile } from "node-llama-cpp";

/** True for sources `models pull` can download (Hugging Face URIs and https URLs). */
export function isRemoteSource(source: string): boolean {
  return /^(hf:|hf:\/\/|huggingface:|https?:\/\/)/.test(source);
}

/**
 * The local GGUF for a configured source, without touching the network. A missing file is a
 * 503 that says exactly how to get it; it never triggers a download inside a request.
 */
export async function resolveModelPath(modelId: string, source: string, modelsDir: string): Promise<string> {
  if (!isRemoteSource(source)) {
    const path = isAbsolute(source) ? source : resolve(modelsDir, source);
    if (!existsSync(path)) {
      throw new ServiceUnavailableError(
        `Model '${modelId}' has no file at ${path}. Put the GGUF there or change 'source' in the run config.`,
        { code: "model_not_available", retryable: false },
      );
    }
    return path;
  }
  // node-llama-cpp finds Hugging Face files offline but not a plain URL's: its downloader saves
  // one under the URL's last path segment.
  const downloaded = urlFileName(source);
  if (downloaded && existsSync(join(modelsDir, downloaded))) return join(modelsDir, downloaded);
  try {
    return await resolveModelFile(source, { directory: modelsDir, download: false, cli: false });
  } catch (cause) {
    throw new ServiceUnavailableError(
      `Model '${modelId}' is not downloaded yet. Get it with: llama-stack-ts models pull ${source} --models-dir ${modelsDir}`,
      { code: "model_not_available", retryable: false, cause },
    );
  }
}

/** The file name a plain http(s) URL downloads to; undefined for other sources. */
function urlFileName(source: string): string | undefined {
  if (!/^https?:\/\//.test(source)) return undefined;
  try {
    const name = decodeURIComponent(basename(new URL(source).pathname));
    return name || undefined;
  } catch {
    return undefined;
  }
}
