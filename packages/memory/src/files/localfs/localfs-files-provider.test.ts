import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@llama-stack-ts/core";
import { describe, expect, it } from "vitest";
import { LocalFsFilesConfigSchema } from "./localfs-config.ts";
import { createLocalFsFilesProvider } from "./localfs-files-provider.ts";

const logger = createLogger({ level: "error" });

async function provider(config: Record<string, unknown> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), "lsts-localfs-"));
  const instance = await createLocalFsFilesProvider(LocalFsFilesConfigSchema.parse(config), {
    dataDir,
    logger,
  });
  return { instance, dataDir };
}

async function* chunks(...parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield part;
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe("inline::localfs", () => {
  it("stores bytes under the id in its data dir and reads them back exactly", async () => {
    const { instance, dataDir } = await provider();
    const bytes = randomBytes(200_000);
    expect(await instance.put("file-a", chunks(bytes.subarray(0, 7), bytes.subarray(7)), {})).toEqual({
      bytes: 200_000,
    });
    expect((await readAll(await instance.get("file-a", {}))).equals(bytes)).toBe(true);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(["file-a", ".incoming"]));
    expect(await instance.health?.()).toEqual({ status: "OK" });
  });

  it("stores an empty file", async () => {
    const { instance } = await provider();
    expect(await instance.put("file-empty", chunks(), {})).toEqual({ bytes: 0 });
    expect((await readAll(await instance.get("file-empty", {}))).length).toBe(0);
  });

  it("rejects a file over max_file_size_bytes with 413 and keeps nothing", async () => {
    const { instance, dataDir } = await provider({ max_file_size_bytes: 10 });
    expect(instance.maxFileSizeBytes).toBe(10);
    await expect(instance.put("file-big", chunks(randomBytes(6), randomBytes(6)), {})).rejects.toMatchObject({
      kind: "payload_too_large",
    });
    expect(await readdir(dataDir)).toEqual([".incoming"]);
    expect(await readdir(join(dataDir, ".incoming"))).toEqual([]);
    expect(await instance.put("file-fits", chunks(randomBytes(10)), {})).toEqual({ bytes: 10 });
  });

  it("keeps nothing when the source fails or the signal aborts mid-upload", async () => {
    const { instance, dataDir } = await provider();
    async function* broken() {
      yield randomBytes(1000);
      throw new Error("client went away");
    }
    await expect(instance.put("file-broken", broken(), {})).rejects.toThrow("client went away");
    const abort = new AbortController();
    async function* slow() {
      yield randomBytes(1000);
      abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 50));
      yield randomBytes(1000);
    }
    await expect(instance.put("file-aborted", slow(), { signal: abort.signal })).rejects.toThrow();
    expect(await readdir(dataDir)).toEqual([".incoming"]);
    expect(await readdir(join(dataDir, ".incoming"))).toEqual([]);
  });

  it("deletes idempotently and answers 404 for missing bytes", async () => {
    const { instance } = await provider();
    await instance.put("file-x", chunks(Buffer.from("x")), {});
    await instance.delete("file-x", {});
    await instance.delete("file-x", {});
    await expect(instance.get("file-x", {})).rejects.toMatchObject({ kind: "not_found" });
  });

  it("refuses ids that could leave its directory", async () => {
    const { instance } = await provider();
    await expect(instance.get("../etc/passwd", {})).rejects.toMatchObject({ kind: "invalid_request" });
    await expect(instance.put("a/b", chunks(), {})).rejects.toMatchObject({ kind: "invalid_request" });
  });

  it("uses storage_dir when set and clears uploads abandoned by a crash", async () => {
    const storageDir = await mkdtemp(join(tmpdir(), "lsts-localfs-dir-"));
    await mkdir(join(storageDir, ".incoming"));
    const stale = join(storageDir, ".incoming", "file-old.part");
    const fresh = join(storageDir, ".incoming", "file-new.part");
    await writeFile(stale, "partial");
    await writeFile(fresh, "partial");
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(stale, dayAgo, dayAgo);
    const { instance } = await provider({ storage_dir: storageDir });
    expect(await readdir(join(storageDir, ".incoming"))).toEqual(["file-new.part"]);
    await instance.put("file-here", chunks(Buffer.from("hi")), {});
    expect(await readdir(storageDir)).toContain("file-here");
  });
});
