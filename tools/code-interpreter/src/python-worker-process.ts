import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionOutcome } from "./execution-outcome.ts";
import { withoutNetwork } from "./network-namespace.ts";

const WORKER_SCRIPT = fileURLToPath(new URL("./python-worker.mjs", import.meta.url));
const PYODIDE_DIR = realpathSync(dirname(createRequire(import.meta.url).resolve("pyodide/package.json")));
const PAGE_BYTES = 4096;
const WATCH_INTERVAL_MS = 25;

export interface PythonWorkerOptions {
  memoryLimitMb: number;
  maxOutputBytes: number;
}

interface WorkerReply {
  id?: number;
  ready?: boolean;
  status: string;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

/**
 * One booted Pyodide in its own Node process under the permission model: reads only from the
 * Pyodide package and this worker's script, writes only to its scratch directory (mounted at
 * `/scratch`), no child processes, workers, addons or inspector, an empty environment, and the
 * network and signals replaced inside the child (`python-worker.mjs`), and where Linux allows it an
 * empty network namespace around the whole process (`withoutNetwork`). Killed on timeout or when
 * its resident memory passes the limit; a killed process is not reused.
 */
export class PythonWorkerProcess {
  readonly ready: Promise<void>;
  readonly scratchDir = mkdtempSync(join(tmpdir(), "llama-stack-code-"));
  calls = 0;
  #child: ChildProcess;
  #exited = false;
  #exit: Promise<void>;
  #killedFor: "out-of-memory" | undefined;
  #watch: NodeJS.Timeout;
  #pending: ((reply: WorkerReply) => void) | undefined;
  #nextId = 0;

  constructor(private readonly options: PythonWorkerOptions) {
    // `unshare` execs node in place (same pid), in an empty network namespace where available.
    const [command, args] = withoutNetwork(process.execPath, [
      "--experimental-permission",
      `--allow-fs-read=${PYODIDE_DIR}`,
      `--allow-fs-read=${WORKER_SCRIPT}`,
      `--allow-fs-read=${this.scratchDir}`,
      `--allow-fs-write=${this.scratchDir}`,
      // The JavaScript heap; Pyodide's wasm memory lies outside it, hence the RSS watch.
      `--max-old-space-size=${Math.min(256, options.memoryLimitMb)}`,
      "--no-warnings",
      WORKER_SCRIPT,
      PYODIDE_DIR,
      this.scratchDir,
      String(options.maxOutputBytes),
    ]);
    this.#child = spawn(command, args, {
      env: {},
      cwd: this.scratchDir,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "json",
    });
    let bootError = "";
    this.#child.stderr?.on("data", (chunk: Buffer) => {
      if (bootError.length < 4_000) bootError += chunk.toString("utf8");
    });
    this.#exit = new Promise((resolve) => {
      this.#child.once("exit", () => {
        this.#exited = true;
        clearInterval(this.#watch);
        rmSync(this.scratchDir, { recursive: true, force: true });
        resolve();
      });
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const onReply = (reply: WorkerReply) => {
        if (reply.ready) return resolve();
        this.#pending?.(reply);
      };
      this.#child.on("message", onReply);
      void this.#exit.then(() => reject(new Error(`The Python sandbox did not start: ${bootError.trim()}`)));
    });
    this.ready.catch(() => {});
    this.#watch = setInterval(() => this.#checkMemory(), WATCH_INTERVAL_MS);
    this.#watch.unref();
  }

  get alive(): boolean {
    return !this.#exited;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Resident memory of the child in bytes (Linux), or undefined where `/proc` is missing. */
  residentBytes(): number | undefined {
    try {
      const statm = readFileSync(`/proc/${this.#child.pid}/statm`, "utf8");
      return Number(statm.split(" ")[1]) * PAGE_BYTES;
    } catch {
      return undefined;
    }
  }

  /** Runs one script in a fresh namespace; never rejects. */
  async run(code: string, timeoutMs: number, signal?: AbortSignal): Promise<ExecutionOutcome> {
    await this.ready;
    this.calls++;
    const id = this.#nextId++;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => this.kill();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const reply = new Promise<WorkerReply>((resolve) => {
        this.#pending = (message) => message.id === id && resolve(message);
      });
      const stopped = this.#exit.then(() => undefined);
      const timedOut = new Promise<"timed-out">((resolve) => {
        timer = setTimeout(() => resolve("timed-out"), timeoutMs);
      });
      this.#child.send({ id, code });
      const first = await Promise.race([reply, stopped, timedOut]);
      if (first === "timed-out") {
        await this.kill();
        return { kind: "timed-out", message: `The Python code did not finish within ${timeoutMs} ms.` };
      }
      if (first === undefined) {
        return this.#killedFor === "out-of-memory"
          ? {
              kind: "out-of-memory",
              message: `The Python code used more than ${this.options.memoryLimitMb} MB and was stopped.`,
            }
          : { kind: "crashed", message: "The Python sandbox process stopped before the code finished." };
      }
      return {
        kind: "finished",
        status: first.status,
        stdout: first.stdout,
        stderr: first.stderr,
        truncated: first.truncated,
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      this.#pending = undefined;
    }
  }

  async kill(): Promise<void> {
    if (!this.#exited) this.#child.kill("SIGKILL");
    await this.#exit;
  }

  #checkMemory(): void {
    const resident = this.residentBytes();
    if (resident !== undefined && resident > this.options.memoryLimitMb * 1024 * 1024) {
      this.#killedFor = "out-of-memory";
      this.#child.kill("SIGKILL");
    }
  }
}
