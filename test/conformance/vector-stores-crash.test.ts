import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@llama-stack-ts/core";
import { documentChunker } from "@llama-stack-ts/memory";
import { toFile } from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import type { CliProcess } from "../helpers/run-cli.ts";
import { serveCli } from "../helpers/serve-cli.ts";

// A server killed mid-ingestion (SIGKILL: no shutdown hooks) leaves no half-indexed file; the
// next start resumes the file, and a file that keeps being interrupted ends `failed`.
const started: CliProcess[] = [];
afterAll(() => {
  for (const cli of started) cli.child.kill("SIGKILL");
});

async function killed(cli: CliProcess) {
  cli.child.kill("SIGKILL");
  await cli.exited;
}

/** Many distinct words, so chunking and embedding take a while. */
const BIG = Array.from({ length: 1_500 }, (_, i) => `term${i % 9973} ${i % 7 ? "alpha" : "beta"}`).join(" ");

describe("ingestion across a crash", () => {
  it("resumes a file the killed server left in_progress and fails one interrupted too often", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lsts-crash-"));
    const dataDir = join(dir, "data");
    const config = join(dir, "run.yaml");
    await writeFile(
      config,
      stringify({ version: 2, ...(await ragStackConfig({ filesDir: join(dir, "files") })) }),
    );

    const first = await serveCli(config, dataDir, started);
    const store = await first.openai.vectorStores.create({ name: "crash" });
    const upload = async (name: string) =>
      first.openai.files.create({ file: await toFile(Buffer.from(BIG), name), purpose: "assistants" });
    const resumed = await upload("resumed.txt");
    const doomed = await upload("doomed.txt");
    for (const file of [resumed, doomed]) {
      const attached = await first.openai.vectorStores.files.create(store.id, { file_id: file.id });
      expect(attached.status).toBe("in_progress");
    }
    await killed(first.cli);

    // What the dead server left: both files waiting, and not one chunk of either.
    const database = await openDatabase(null, dataDir);
    const files = await database.sql.query<{ file_id: string; status: string }>(
      "SELECT file_id, status FROM vector_store_files WHERE vector_store_id = $1",
      [store.id],
    );
    expect(files.map((f) => f.status)).toEqual(["in_progress", "in_progress"]);
    const [left] = await database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM vector_chunks WHERE vector_store_id = $1",
      [store.id],
    );
    expect(Number(left!.n)).toBe(0);
    // As if this file had already taken the server down three times.
    await database.sql.query("UPDATE vector_store_files SET attempts = 3 WHERE file_id = $1", [doomed.id]);
    await database.close();

    const second = await serveCli(config, dataDir, started);
    const settled = async (fileId: string) => {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const file = await second.openai.vectorStores.files.retrieve(fileId, { vector_store_id: store.id });
        if (file.status !== "in_progress") return file;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${fileId} never left in_progress\n${second.cli.stdout()}\n${second.cli.stderr()}`);
    };
    expect(await settled(resumed.id)).toMatchObject({ status: "completed", last_error: null });
    const failed = await settled(doomed.id);
    expect(failed.status).toBe("failed");
    expect(failed.last_error?.message).toContain("interrupted 3 times");

    // Exactly the chunks one clean ingestion makes.
    const expected = await documentChunker.chunk(
      { bytes: Buffer.from(BIG), filename: "resumed.txt", contentType: "text/plain" },
      { type: "auto" },
    );
    const content = (await second.openai.get(`/vector_stores/${store.id}/files/${resumed.id}/content`)) as {
      data: { text: string }[];
    };
    expect(content.data.map((c) => c.text)).toEqual(expected);
    await killed(second.cli);
  }, 240_000);
});
