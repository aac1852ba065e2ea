import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.ts";
import { fixtureModel } from "./fixture-model.ts";

const directory = mkdtempSync(join(tmpdir(), "fixture-model-"));
// Written by another generator version: the old one is pruned, the recent one may still be in use.
const staleFile = "demo-aaaaaaaaaaaa-0123456789abcdef.gguf";
const recentFile = "demo-bbbbbbbbbbbb-0123456789abcdef.gguf";
writeFileSync(join(directory, staleFile), "old");
utimesSync(join(directory, staleFile), new Date(2020, 0, 1), new Date(2020, 0, 1));
writeFileSync(join(directory, recentFile), "recent");
const previous = process.env.LLAMA_STACK_TS_FIXTURE_DIR;
beforeAll(() => {
  process.env.LLAMA_STACK_TS_FIXTURE_DIR = directory;
});
afterAll(() => {
  if (previous === undefined) delete process.env.LLAMA_STACK_TS_FIXTURE_DIR;
  else process.env.LLAMA_STACK_TS_FIXTURE_DIR = previous;
  rmSync(directory, { recursive: true, force: true });
});

describe("fixtureModel", () => {
  it("builds a file once per name and options, via a temporary file", async () => {
    const built: string[] = [];
    const build = async (path: string) => {
      built.push(path);
      await writeFile(path, "model");
    };
    const [first, second] = await Promise.all([
      fixtureModel("demo", build, { size: 1 }),
      fixtureModel("demo", build, { size: 1 }),
    ]);
    expect(first).toBe(second);
    expect(built).toEqual([`${first}.${process.pid}.tmp`]);
    expect(basename(first)).toMatch(/^demo-[0-9a-f]{12}-[0-9a-f]{16}\.gguf$/);
    expect(readFileSync(first, "utf8")).toBe("model");

    const other = await fixtureModel("demo", build, { size: 2 });
    expect(other).not.toBe(first);
    expect(readdirSync(directory).sort()).toEqual([basename(first), basename(other), recentFile].sort());
  });

  it("retries after a failed build and leaves no partial files", async () => {
    const failing = () => Promise.reject(new Error("boom"));
    await expect(fixtureModel("flaky", failing)).rejects.toThrow("boom");
    const path = await fixtureModel("flaky", (file) => writeFile(file, "ok"));
    expect(readFileSync(path, "utf8")).toBe("ok");
    expect(readdirSync(directory).filter((file) => file.startsWith("flaky"))).toEqual([basename(path)]);
  });
});

describe("buildOnce", () => {
  it("waits for a live builder that holds the lock instead of building again", async () => {
    const file = join(directory, "shared.gguf");
    writeFileSync(`${file}.lock`, String(process.pid));
    let built = false;
    const waiting = buildOnce(file, async () => {
      built = true;
    });
    await sleep(250);
    writeFileSync(file, "from the other process");
    rmSync(`${file}.lock`);
    await waiting;
    expect(built).toBe(false);
  });

  it("takes over a lock left by a dead builder", async () => {
    const file = join(directory, "orphan.gguf");
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${file}.lock`, String(deadPid));
    await buildOnce(file, (path) => writeFile(path, "rebuilt"));
    expect(readFileSync(file, "utf8")).toBe("rebuilt");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
