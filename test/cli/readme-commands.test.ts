import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.ts";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Every shell command in README.md, run as printed from the repository root. Two changes only:
// `npx` gets `--offline`, so it runs the pnpm that `npx -y pnpm@10.34.8 install` cached instead of
// asking the registry (tests have no network), and placeholders in synopsis lines are filled in.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = await readFile(join(ROOT, "README.md"), "utf8");

/** Lines of ```sh blocks (comments dropped) and inline code spans that start with `npx`. */
function readmeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].flatMap((m) => m[1]!.split("\n"));
  const inline = [...markdown.matchAll(/`(npx [^`]+)`/g)].map((m) => m[1]!);
  return [...blocks, ...inline]
    .map((line) =>
      line
        .replace(/\s+#.*$/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((line) => line !== "");
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A README command through a shell in its own process group, so pnpm and the node it starts stop together. */
function shell(command: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn("sh", ["-c", command.replace(/\bnpx /g, "npx --offline ")], {
    cwd: ROOT,
    env: { ...process.env, LLAMA_STACK_LOG_LEVEL: "info", LLAMA_STACK_AUTO_PULL: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const run: Run = { code: null, stdout: "", stderr: "" };
  child.stdout!.on("data", (chunk: Buffer) => {
    run.stdout += chunk;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    run.stderr += chunk;
  });
  const done = new Promise<Run>((resolve) =>
    // `close`, not `exit`: it waits for every process holding the pipes (pnpm's node child too).
    child.once("close", (code) => {
      run.code = code;
      resolve(run);
    }),
  );
  return { child, run, done };
}

function stopGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

async function healthy(url: string, timeoutMs: number, run: Run): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.code !== null)
      throw new Error(`exited ${run.code} before answering\n${run.stdout}\n${run.stderr}`);
    const body = await fetch(url).then(
      (response) => response.json(),
      () => undefined,
    );
    if (body) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}\n${run.stdout}\n${run.stderr}`);
}

/** Starts a server command, waits for /v1/health, then stops it as Ctrl-C would. */
async function serves(command: string, port: number, env: NodeJS.ProcessEnv) {
  const server = shell(command, env);
  try {
    expect(await healthy(`http://127.0.0.1:${port}/v1/health`, 90_000, server.run)).toEqual({ status: "OK" });
  } finally {
    stopGroup(server.child);
  }
  await server.done;
  expect(server.run.stdout).toContain(`listening on http://127.0.0.1:${port}`);
  expect(server.run.stderr).toContain("stopped cleanly");
  await expect(fetch(`http://127.0.0.1:${port}/v1/health`)).rejects.toThrow();
}

let rag: TestStack | undefined;
afterAll(async () => {
  await rag?.close();
});

const home = await mkdtemp(join(tmpdir(), "lsts-readme-"));
const offline = { LLAMA_STACK_TS_HOME: home, HF_ENDPOINT: "http://127.0.0.1:9", MODEL_ENDPOINT: "" };

/** How each README command is checked; a command added to the README fails the first test until it has one. */
const checks: Record<string, (command: string) => Promise<void>> = {
  // Only the part after `install`, which rewrites the shared node_modules and needs the registry.
  "npx -y pnpm@10.34.8 install && npx -y pnpm@10.34.8 start": async (command) => {
    const port = await freePort();
    const start = command.split(" && ")[1]!;
    await serves(start, port, { ...offline, LLAMA_STACK_PORT: String(port) });
  },
  "npx pnpm@10.34.8 cli run [config.yaml | distribution] [--port N] [--host H] [--data-dir DIR]": async (
    command,
  ) => {
    const port = await freePort();
    const filled = command
      .replace("[config.yaml | distribution]", "default")
      .replace("[--port N]", `--port ${port}`)
      .replace("[--host H]", "--host 127.0.0.1")
      .replace("[--data-dir DIR]", `--data-dir ${join(home, "cli-run-data")}`);
    await serves(filled, port, offline);
  },
  "npx pnpm@10.34.8 cli list-apis": async (command) => {
    const { code, stdout } = await shell(command).done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^inference\s/m);
  },
  "npx pnpm@10.34.8 cli list-providers [api]": async (command) => {
    const [all, one] = await Promise.all([
      shell(command.replace(" [api]", "")).done,
      shell(command.replace("[api]", "inference")).done,
    ]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^safety\s/m);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^inference\s+inline::llama-cpp/m);
    expect(one.stdout).not.toMatch(/^safety\s/m);
  },
  // Never downloads in a test: the Hugging Face endpoint points at a port nothing answers on.
  "npx pnpm@10.34.8 cli models pull hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M": async (command) => {
    const { code, stderr } = await shell(command, offline).done;
    expect(code).not.toBe(0);
    expect(stderr).toMatch(
      /^error: Cannot download hf:bartowski\/Llama-3\.2-1B-Instruct-GGUF:Q4_K_M: cannot reach http:\/\/127\.0\.0\.1:9/m,
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  },
  "npx pnpm@10.34.8 cli models list": async (command) => {
    const { code, stdout } = await shell(command, offline).done;
    expect(code).toBe(0);
    expect(stdout).toContain(`No models in ${join(home, "models")} yet`);
  },
  // ./docs is this repository's docs folder, read from where pnpm was run, not apps/rag-sample.
  'npx -y pnpm@10.34.8 --filter @llama-stack-ts/rag-sample start -- ./docs --query "how do llamas hum?"':
    async (command) => {
      rag = await startTestStack(await ragStackConfig());
      const docs = await readdir(join(ROOT, "docs"), { recursive: true, withFileTypes: true });
      const files = docs.filter((entry) => entry.isFile() && !entry.name.startsWith(".")).length;
      const { code, stdout, stderr } = await shell(command, { LLAMA_STACK_URL: rag.url }).done;
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(code).toBe(0);
      expect(stdout).toContain(`Ingesting ${files} files into vector store 'rag-sample'`);
      expect(stdout).toMatch(/Vector store vs_\S+: batch completed/);
      expect(stdout).toMatch(/^ {2}\d\.\d{3} {2}\S+\.md: /m);
    },
  // Starts and reads its knobs; an unknown table stops it before the ~190 MB model is written.
  "npx pnpm@10.34.8 bench": async (command) => {
    const { code, stderr } = await shell(command, { BENCH_TABLES: "none-such" }).done;
    expect(code).not.toBe(0);
    expect(stderr).toContain("error: BENCH_TABLES names unknown none-such; known: decode, busy");
  },
};

/** Commands not run here, and why. */
const notRun: Record<string, string> = {
  "npx -y pnpm@10.34.8 install && npx -y pnpm@10.34.8 test":
    "it is CI's command (.ci/run) for this very suite",
};

describe("README commands", () => {
  it("each has a check here", () => {
    expect(readmeCommands(README).sort()).toEqual([...Object.keys(checks), ...Object.keys(notRun)].sort());
  });

  it.concurrent.each(Object.keys(checks))(
    "works as printed: %s",
    (command) => checks[command]!(command),
    180_000,
  );
});
