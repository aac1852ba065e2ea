import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { type ModelHeader, readModelHeader } from "./read-model-header.ts";

export type CachedModel =
  | { fileName: string; status: "ready"; size: number; header: ModelHeader }
  | { fileName: string; status: "unreadable"; size: number; reason: string }
  /** `downloaded` counts allocated bytes: ipull writes parts into a sparse file of the full size. */
  | { fileName: string; status: "partial"; size: number; downloaded: number };

/** The GGUF files and unfinished downloads in `dir`, by name; a missing dir is simply empty. */
export async function listModels(dir: string): Promise<CachedModel[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const models: CachedModel[] = [];
  for (const fileName of names.sort()) {
    const path = join(dir, fileName);
    if (fileName.endsWith(".gguf.ipull")) {
      const file = await stat(path);
      models.push({
        fileName,
        status: "partial",
        size: file.size,
        downloaded: Math.min(file.size, file.blocks * 512),
      });
    } else if (fileName.endsWith(".gguf")) {
      const file = await stat(path);
      if (!file.isFile()) continue;
      try {
        models.push({ fileName, status: "ready", size: file.size, header: await readModelHeader(path) });
      } catch (error) {
        models.push({ fileName, status: "unreadable", size: file.size, reason: (error as Error).message });
      }
    }
  }
  return models;
}
