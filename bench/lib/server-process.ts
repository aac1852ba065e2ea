import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const CLI = fileURLToPath(new URL("../../apps/cli/bin/llama-stack-ts.js", import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Our server as users run it: the CLI in its own process, on a config written for the run. */
export async function startServerProcess(config: Record<string, unknown>): Promise<ServerProcess> {
  const dir = await mkdtemp(join(tmpdir(), "lsts-bench-"));
  const path = join(dir, "config.yaml");
  await writeFile(path, stringify(config));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs(), CLI, "run", path, "--port", String(port), "--data-dir", join(dir, "data")],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LLAMA_STACK_LOG_LEVEL: "warn" },
    },
  );
  let out = "";
  child.stdout!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("ready in")) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles the server process. */
function nodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
}
