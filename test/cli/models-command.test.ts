import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { runCli, startCli } from "../helpers/run-cli.ts";

// Port 9 is one `fetch` refuses to dial, so "unreachable" never depends on the machine's network.
const UNREACHABLE = { HF_ENDPOINT: "http://127.0.0.1:9", MODEL_ENDPOINT: "" };

let model: Buffer;
beforeAll(async () => {
  model = await readFile(await tinyLlamaPath());
}, 120_000);

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections(); // stalled responses would otherwise keep close() waiting
    server.close();
  }
});

const tempDir = () => mkdtemp(join(tmpdir(), "lsts-models-"));

interface FakeHuggingFaceHub {
  url: string;
  /** Byte ranges asked for, as `[start, end]` inclusive. */
  ranges: Array<[number, number]>;
  /** Bytes at and past this offset are never sent: the connection just hangs, like a dead link. */
  stallFrom: number;
}

/** A stand-in for the Hugging Face file endpoint on loopback: `/user/repo/resolve/main/tiny.gguf`. */
async function startFakeHuggingFaceHub(): Promise<FakeHuggingFaceHub> {
  const hub: FakeHuggingFaceHub = { url: "", ranges: [], stallFrom: Number.POSITIVE_INFINITY };
  const server = createServer((request, response) => {
    if (!request.url?.startsWith("/user/repo/resolve/main/tiny.gguf")) {
      response.writeHead(request.url === "/" ? 200 : 404).end();
      return;
    }
    const match = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? "");
    const start = match ? Number(match[1]) : 0;
    const end = match?.[2] ? Number(match[2]) : model.length - 1;
    if (match) hub.ranges.push([start, end]);
    response.writeHead(match ? 206 : 200, {
      "content-length": end - start + 1,
      "accept-ranges": "bytes",
      ...(match ? { "content-range": `bytes ${start}-${end}/${model.length}` } : {}),
    });
    if (request.method === "HEAD") return void response.end();
    const sendUntil = Math.min(end + 1, hub.stallFrom);
    if (sendUntil > start) response.write(model.subarray(start, sendUntil));
    if (sendUntil === end + 1) response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hub.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  servers.push(server);
  return hub;
}

describe("llama-stack-ts models list", () => {
  it("shows each GGUF's header details and size", async () => {
    const dir = await tempDir();
    await copyFile(await tinyLlamaPath(), join(dir, "tiny-llama.gguf"));
    const { code, stdout } = await runCli(["models", "list", "--models-dir", dir]);
    expect(code).toBe(0);
    const row = stdout.split("\n").find((line) => line.startsWith("tiny-llama.gguf"));
    expect(row).toBeDefined();
    expect(row).toContain("Tiny Llama 3.1 test model");
    expect(row).toMatch(/\bllama\b/);
    expect(row).toContain(`${(model.length / 1e6).toFixed(1)} MB`);
    expect(stdout.split("\n")[1]).toMatch(/^FILE\s+SIZE\s+NAME\s+ARCH\s+CONTEXT\s+QUANT$/);
  });

  it("marks garbage and unfinished downloads", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.gguf"), "not a gguf at all");
    await writeFile(join(dir, "half.gguf.ipull"), Buffer.alloc(3_000_000, 1));
    const { code, stdout } = await runCli(["models", "list", "--models-dir", dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/broken\.gguf\s+17 B\s+\(unreadable\)/);
    expect(stdout).toMatch(/half\.gguf\.ipull\s+-\s+\(partial, 3\.0 MB\)/);
  });

  it("hints at the pull command when there is nothing yet", async () => {
    const dir = join(await tempDir(), "not-created-yet");
    const { code, stdout } = await runCli(["models", "list", "--models-dir", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`No models in ${dir}`);
    expect(stdout).toContain("llama-stack-ts models pull hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M");
  });

  it("defaults to $LLAMA_STACK_TS_HOME/models", async () => {
    const home = await tempDir();
    const { code, stdout } = await runCli(["models", "list"], { LLAMA_STACK_TS_HOME: home });
    expect(code).toBe(0);
    expect(stdout).toContain(`No models in ${join(home, "models")}`);
  });
});

describe("llama-stack-ts models pull", () => {
  it("fails fast with one clear line when the endpoint is unreachable", async () => {
    const dir = await tempDir();
    for (const uri of ["hf:x/y:Q4_K_M", "hf:x/y/model.gguf"]) {
      const started = Date.now();
      const { code, stdout, stderr } = await runCli(
        ["models", "pull", uri, "--models-dir", dir],
        UNREACHABLE,
      );
      expect(code).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        new RegExp(`^error: Cannot download ${uri}: cannot reach http://127\\.0\\.0\\.1:9 .*\\.\\n$`),
      );
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it("rejects what is not a model URI, and a missing URI", async () => {
    const bad = await runCli(
      ["models", "pull", "llama-3.2-1b", "--models-dir", await tempDir()],
      UNREACHABLE,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Cannot download llama-3.2-1b: not a model URI (use hf:user/repo:QUANT");
    const missing = await runCli(["models", "pull"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("models pull takes exactly one model URI");
    const unknown = await runCli(["models", "delete"]);
    expect(unknown.code).toBe(2);
  });

  it("reports a missing file as HTTP 404 with a hint", async () => {
    const hub = await startFakeHuggingFaceHub();
    const { code, stderr } = await runCli(
      ["models", "pull", "hf:user/repo/nope.gguf", "--models-dir", await tempDir()],
      {
        HF_ENDPOINT: hub.url,
        MODEL_ENDPOINT: "",
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      "error: Cannot download hf:user/repo/nope.gguf: HTTP 404 Not Found. Check the URI; for gated models set HF_TOKEN.",
    );
  });

  it("downloads to node-llama-cpp's local name, prints the path, then skips it", async () => {
    const hub = await startFakeHuggingFaceHub();
    const dir = await tempDir();
    const env = { HF_ENDPOINT: hub.url, MODEL_ENDPOINT: "" };
    const first = await runCli(["models", "pull", "hf:user/repo/tiny.gguf", "--models-dir", dir], env);
    expect(first.code).toBe(0);
    const path = join(dir, "hf_user_repo_tiny.gguf");
    expect(first.stdout).toBe(`${path}\n`);
    expect(first.stderr).toContain(
      `Downloading hf_user_repo_tiny.gguf (${(model.length / 1e6).toFixed(1)} MB)`,
    );
    // Not a terminal: plain lines, no carriage returns, ending at 100%.
    expect(first.stderr).not.toContain("\r");
    expect(first.stderr.trimEnd().split("\n").at(-1)).toMatch(/^100% {2}40\.8 MB \/ 40\.8 MB/);
    expect((await readFile(path)).equals(model)).toBe(true);

    hub.ranges.length = 0;
    const again = await runCli(["models", "pull", "hf:user/repo/tiny.gguf", "--models-dir", dir], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${path}\n`);
    expect(hub.ranges).toEqual([]);

    const list = await runCli(["models", "list", "--models-dir", dir]);
    expect(list.stdout).toMatch(/hf_user_repo_tiny\.gguf\s+40\.8 MB\s+Tiny Llama 3\.1 test model/);
  });

  it("keeps the partial file on Ctrl-C (exit 130) and resumes from it", async () => {
    const hub = await startFakeHuggingFaceHub();
    hub.stallFrom = 24_000_000;
    const dir = await tempDir();
    const env = { HF_ENDPOINT: hub.url, MODEL_ENDPOINT: "" };
    const temp = join(dir, "hf_user_repo_tiny.gguf.ipull");
    const cli = startCli(["models", "pull", "hf:user/repo/tiny.gguf", "--models-dir", dir], env);
    onTestFinished(() => void cli.child.kill("SIGKILL"));
    // Wait until some parts are on disk, not just in flight.
    for (let i = 0; ; i++) {
      const written = await stat(temp).then(
        (file) => file.blocks * 512,
        () => 0,
      );
      if (written >= 10_000_000) break;
      if (i > 200) throw new Error(`nothing written after 20 s\n${cli.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(130);
    expect(cli.stderr()).toContain(
      "Interrupted. The partial download is kept; run the same command to resume.",
    );
    expect(cli.stdout()).toBe("");
    expect(await readdir(dir)).toEqual(["hf_user_repo_tiny.gguf.ipull"]);
    const list = await runCli(["models", "list", "--models-dir", dir]);
    expect(list.stdout).toMatch(/hf_user_repo_tiny\.gguf\.ipull\s+-\s+\(partial, \d+\.\d MB\)/);

    hub.stallFrom = Number.POSITIVE_INFINITY;
    hub.ranges.length = 0;
    const resumed = await runCli(["models", "pull", "hf:user/repo/tiny.gguf", "--models-dir", dir], env);
    expect(resumed.code).toBe(0);
    expect((await readFile(join(dir, "hf_user_repo_tiny.gguf"))).equals(model)).toBe(true);
    const refetched = hub.ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0);
    expect(refetched).toBeGreaterThan(0);
    expect(refetched).toBeLessThan(model.length);
  }, 60_000);
});
