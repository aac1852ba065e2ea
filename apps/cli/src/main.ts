import { inspect, parseArgs } from "node:util";
import { StackError } from "@llama-stack-ts/api";
import { STACK_VERSION } from "@llama-stack-ts/server";
import { listApisCommand } from "./commands/list-apis.ts";
import { listProvidersCommand } from "./commands/list-providers.ts";
import { modelsCommand } from "./commands/models-command.ts";
import { runCommand } from "./commands/run.ts";
import { listDistributions } from "./resolve-config.ts";

const USAGE = `llama-stack-ts ${STACK_VERSION}: the Llama Stack in TypeScript

Usage:
  llama-stack-ts run [config.yaml | distribution] [--port N] [--host H] [--data-dir DIR]
  llama-stack-ts list-apis
  llama-stack-ts list-providers [api]
  llama-stack-ts models pull <hf:user/repo:QUANT | hf:user/repo/file.gguf | url> | list [--models-dir DIR]
  llama-stack-ts --version

Distributions: ${listDistributions().join(", ")} (default: default)
Environment: LLAMA_STACK_PORT (default 8321), LLAMA_STACK_TS_DATA_DIR, LLAMA_STACK_TS_HOME,
             LLAMA_STACK_LOG_LEVEL (debug|info|warn|error), LLAMA_STACK_LOG_FORMAT (json|pretty)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      "models-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) return print(STACK_VERSION);
  if (values.help || !command) return print(USAGE);
  switch (command) {
    case "run": {
      const port = values.port ?? process.env.LLAMA_STACK_PORT;
      if (port !== undefined && !/^\d+$/.test(port))
        throw new UsageError(`--port must be a number, got '${port}'`);
      await runCommand({
        target: rest[0],
        port: port === undefined ? undefined : Number(port),
        host: values.host,
        dataDir: values["data-dir"],
      });
      return -1; // keep serving
    }
    case "list-apis":
      return print(listApisCommand());
    case "list-providers":
      return print(listProvidersCommand(rest[0]));
    case "models":
      return modelsCommand(rest, { modelsDir: values["models-dir"] });
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

class UsageError extends Error {}

const EXIT_GRACE_MS = 1000;

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${failureLine(error)}\n`);
      if (process.env.LLAMA_STACK_LOG_LEVEL?.toLowerCase() === "debug")
        process.stderr.write(`${inspect(error)}\n`);
      process.exitCode = 1;
    }
    // A failed start may leave handles (a model loading, a socket) that would keep Node alive.
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  },
);

/** One line: our errors are written for people; anything else gets its first line and a pointer to the rest. */
function failureLine(error: unknown): string {
  if (StackError.isInstance(error)) return error.message;
  const line = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return `${line} (LLAMA_STACK_LOG_LEVEL=debug prints the stack trace)`;
}
