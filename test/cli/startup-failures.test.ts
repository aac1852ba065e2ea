import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCli } from "../helpers/run-cli.ts";

// Every way `run` can fail before it serves: one line on stderr, exit 1, and no lingering process.
// The bounds: the hang this guards against came after the error line, so the tight bound is from
// that line to exit; the loose one only catches a hang before it on a loaded 2-core machine.
const EXIT_AFTER_ERROR_MS = 2_000;
const EXIT_AFTER_START_MS = 30_000;

let dir: string;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lsts-startup-"));
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Runs `llama-stack-ts <args>` and times its exit against its first stderr output. */
async function failingStart(args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  const cli = startCli(args, { LLAMA_STACK_AUTO_PULL: "false", ...env });
  let firstStderrAt: number | undefined;
  cli.child.stderr!.once("data", () => {
    firstStderrAt = Date.now();
  });
  const timer = setTimeout(() => cli.child.kill("SIGKILL"), EXIT_AFTER_START_MS);
  const code = await cli.exited;
  clearTimeout(timer);
  const exitedAt = Date.now();
  return {
    code,
    stderr: cli.stderr(),
    afterErrorMs: exitedAt - (firstStderrAt ?? exitedAt),
    totalMs: exitedAt - started,
  };
}

function expectOneLine(result: Awaited<ReturnType<typeof failingStart>>, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.afterErrorMs).toBeLessThan(EXIT_AFTER_ERROR_MS);
  expect(result.totalMs).toBeLessThan(EXIT_AFTER_START_MS);
}

const inferenceConfig = (provider: Record<string, unknown>) =>
  `apis: [inference]\nproviders:\n  inference:\n    - ${JSON.stringify(provider)}\n`;

describe.concurrent("llama-stack-ts run: start-up failures", () => {
  it("each prints one line and exits 1 promptly", async () => {
    const home = join(dir, "home");
    const notADirectory = await file("not-a-directory", "");
    const [portInUse, dataDirIsFile, yamlSyntax, schema, unknownProvider, missingModel] = await Promise.all([
      failingStart(["run", "--port", String(busyPort), "--host", "127.0.0.1"], { LLAMA_STACK_TS_HOME: home }),
      failingStart(["run", "--port", "0", "--data-dir", join(notADirectory, "data")], {
        LLAMA_STACK_TS_HOME: home,
      }),
      failingStart(["run", await file("syntax.yaml", "server: [port\n")]),
      failingStart(["run", await file("schema.yaml", "server:\n  port: eighty\n")]),
      failingStart([
        "run",
        await file(
          "unknown.yaml",
          inferenceConfig({ provider_id: "x", provider_type: "remote::nope", config: {} }),
        ),
      ]),
      failingStart([
        "run",
        await file(
          "missing-model.yaml",
          inferenceConfig({
            provider_id: "llama-cpp",
            provider_type: "inline::llama-cpp",
            config: { models_dir: dir, models: [{ model_id: "m", source: "missing.gguf" }] },
          }),
        ),
        "--port",
        "0",
        "--data-dir",
        join(dir, "missing-model-data"),
      ]),
    ]);
    expectOneLine(portInUse, new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${busyPort}: the port is in use`));
    // The port is checked before storage is opened: nothing was written for a server that cannot listen.
    expect(existsSync(join(home, "distributions"))).toBe(false);
    expectOneLine(
      dataDirIsFile,
      /Cannot use data directory .*not-a-directory\/data\/pgdata: part of the path is a file/,
    );
    expectOneLine(yamlSyntax, /syntax\.yaml is not valid YAML: .* at line 2, column 1$/);
    expectOneLine(schema, /Invalid run config .*schema\.yaml: server\.port: /);
    expectOneLine(unknownProvider, /Unknown provider_type 'remote::nope' for api 'inference'/);
    expectOneLine(
      missingModel,
      new RegExp(`Model 'm' has no file at ${join(dir, "missing.gguf")}: put the GGUF there`),
    );
  }, 60_000);

  it.skipIf(process.getuid?.() === 0)("names a data directory it may not write", async () => {
    const locked = join(dir, "locked");
    await mkdir(locked, { mode: 0o500 });
    await chmod(locked, 0o500);
    const result = await failingStart(["run", "--port", "0", "--data-dir", join(locked, "data")], {
      LLAMA_STACK_TS_HOME: join(dir, "home"),
    });
    expectOneLine(result, /Cannot use data directory .*locked\/data\/pgdata: permission denied \(EACCES\)/);
  });

  it("prints a plug-in's own error as its first line, and its stack trace only at debug level", async () => {
    await file(
      "throwing-provider.mts",
      `export default {
        api: "inference",
        providerType: "remote::throwing",
        configSchema: { safeParse: (data) => ({ success: true, data }) },
        create() { throw new TypeError("no engine here\\nsecond line"); },
      };`,
    );
    const config = await file(
      "throwing.yaml",
      inferenceConfig({
        provider_id: "t",
        provider_type: "remote::throwing",
        module: "./throwing-provider.mts",
        config: {},
      }),
    );
    const args = (data: string) => ["run", config, "--port", "0", "--data-dir", join(dir, data)];
    const [quiet, debug] = await Promise.all([
      failingStart(args("quiet-data")),
      failingStart(args("debug-data"), { LLAMA_STACK_LOG_LEVEL: "debug" }),
    ]);
    expectOneLine(quiet, /^error: no engine here \(LLAMA_STACK_LOG_LEVEL=debug prints the stack trace\)$/);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^error: no engine here/m);
    expect(debug.stderr).toMatch(/^ {4}at .*throwing-provider\.mts/m);
  }, 60_000);
});
