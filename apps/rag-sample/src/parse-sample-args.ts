import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";

export const USAGE =
  "usage: rag-sample <file or folder>... [--query Q] [--store NAME] [--embedding-model ID] [--url URL] [--api-key KEY]";

export interface SampleArgs {
  /** Absolute paths, resolved against the directory the user ran the command in. */
  paths: string[];
  url: string;
  store: string;
  embeddingModel: string | undefined;
  query: string | undefined;
  apiKey: string;
}

/** A mistake on the command line: reported as one line and the usage, exit 2. */
export class SampleUsageError extends Error {}

/**
 * The sample's command line. `pnpm --filter … start -- ./docs --query q` passes the `--` on and
 * runs the script in the package folder, so a leading `--` is skipped and relative paths resolve
 * against INIT_CWD (where pnpm was run), not the process's working directory.
 */
export function parseSampleArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SampleArgs {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args, env);
  } catch (error) {
    throw new SampleUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new SampleUsageError("name at least one file or folder to ingest");
  const base = env.INIT_CWD ?? process.cwd();
  return {
    paths: positionals.map((path) => (isAbsolute(path) ? path : resolve(base, path))),
    url: values.url,
    store: values.store,
    embeddingModel: values["embedding-model"],
    query: values.query,
    apiKey: values["api-key"],
  };
}

function parse(args: string[], env: NodeJS.ProcessEnv) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: "string", default: env.LLAMA_STACK_URL ?? "http://localhost:8321" },
      store: { type: "string", default: "rag-sample" },
      "embedding-model": { type: "string" },
      query: { type: "string" },
      "api-key": { type: "string", default: env.LLAMA_STACK_API_KEY ?? "none" },
    },
  });
}
