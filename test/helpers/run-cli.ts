import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../apps/cli/bin/llama-stack-ts.js", import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once `text` appears; rejects if the process exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** The real CLI in a child process, as a user runs it. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LLAMA_STACK_LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for '${text}'\n${out}\n${err}`)),
          timeoutMs,
        );
        const check = () => {
          if (out.includes(text)) {
            clearTimeout(timer);
            resolve(out);
          }
        };
        child.stdout!.on("data", check);
        exited.then((code) => {
          clearTimeout(timer);
          if (!out.includes(text)) reject(new Error(`exited with ${code} before '${text}'\n${out}\n${err}`));
        });
        check();
      });
    },
  };
}

/** Run a CLI command to completion. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cli = startCli(args, env);
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
