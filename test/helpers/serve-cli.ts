import OpenAI from "openai";
import { freePort } from "./free-port.ts";
import { type CliProcess, startCli } from "./run-cli.ts";

/** `llama-stack-ts run <config>` on a free port and `dataDir`, ready, with an openai client for it. */
export async function serveCli(config: string, dataDir: string, started: CliProcess[]) {
  const port = await freePort();
  const cli = startCli(["run", config, "--port", String(port), "--data-dir", dataDir], {
    LLAMA_STACK_AUTO_PULL: "false",
  });
  started.push(cli);
  await cli.waitFor("ready in", 60_000);
  return {
    cli,
    openai: new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: "none", maxRetries: 0 }),
  };
}
