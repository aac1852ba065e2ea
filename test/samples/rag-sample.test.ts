import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// The RAG sample app as a user runs it: a folder in, a progress display, search results out.
const SAMPLE = fileURLToPath(new URL("../../apps/rag-sample/src/main.ts", import.meta.url));
let ts: TestStack;

beforeAll(async () => {
  ts = await startTestStack(await ragStackConfig());
});
afterAll(async () => {
  await ts?.close();
});

describe("rag-sample", () => {
  it("ingests a folder with progress, reports the file that failed, and searches", async () => {
    const docs = await mkdtemp(join(tmpdir(), "lsts-rag-docs-"));
    await writeFile(join(docs, "llamas.md"), "# Llamas\n\nLlamas hum when they are curious or anxious.");
    await writeFile(join(docs, "postgres.txt"), "PostgreSQL indexes vectors with HNSW through pgvector.");
    await writeFile(
      join(docs, "logo.png"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        SAMPLE,
        docs,
        "--url",
        ts.url,
        "--store",
        "sample",
        "--query",
        "Llamas hum when they are curious or anxious.",
      ],
      { timeout: 60_000 },
    );
    expect(stdout).toContain("Ingesting 3 files into vector store 'sample'");
    expect(stdout).toMatch(/^3\/3 files ingested {2}\(1 failed\)/m);
    expect(stdout).toMatch(/failed: logo\.png: .+/);
    expect(stdout).toMatch(/Vector store vs_\S+: batch completed/);
    expect(stdout).toMatch(/^ {2}\d\.\d{3} {2}llamas\.md: # Llamas/m);
  }, 90_000);
});
