import { mkdtemp, readFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { waitFor } from "../helpers/wait-for.ts";

// `auto_pull`: a configured model missing on disk downloads in the background after start-up;
// meanwhile its requests answer 503 with the progress and a retry hint, then it serves. The
// download comes from a loopback server that holds the second half of the file until released.
let model: Buffer;
let ts: TestStack;
const held: ServerResponse[] = [];
let released = false;
let dir: string;
let server: ReturnType<typeof createServer>;

beforeAll(async () => {
  model = await readFile(await tinyLlamaPath());
  const half = Math.floor(model.length / 2);
  server = createServer((request, response) => {
    const match = /bytes=(\d+)-(\d*)/.exec(request.headers.range ?? "");
    const start = match ? Number(match[1]) : 0;
    const end = match?.[2] ? Number(match[2]) : model.length - 1;
    response.writeHead(match ? 206 : 200, {
      "content-length": end - start + 1,
      "accept-ranges": "bytes",
      ...(match ? { "content-range": `bytes ${start}-${end}/${model.length}` } : {}),
    });
    if (request.method === "HEAD") return void response.end();
    if (released) return void response.end(model.subarray(start, end + 1));
    if (start < half) response.write(model.subarray(start, Math.min(half, end + 1)));
    if (end + 1 <= half) return void response.end();
    (response as ServerResponse & { from: number; to: number }).from = Math.max(start, half);
    (response as ServerResponse & { from: number; to: number }).to = end + 1;
    held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  dir = await mkdtemp(join(tmpdir(), "lsts-auto-pull-"));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/tiny-llama.gguf`;
  ts = await startTestStack(
    llamaCppConfig([{ model_id: "tiny", source: url, chat_format: "llama3_1" }], {
      auto_pull: true,
      models_dir: dir,
    }),
  );
}, 120_000);
afterAll(async () => {
  await ts?.close();
  server?.closeAllConnections();
  server?.close();
});

const ask = () =>
  fetch(`${ts.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "llama-cpp/tiny",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 3,
    }),
  });

/** Tries until `attempt` gives a value. */
async function poll<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  return (await waitFor(what, attempt, (result) => result !== undefined, 15_000)) as T;
}

describe("auto_pull", () => {
  it("answers 503 with the download's progress while it runs, then serves the model", async () => {
    const downloading = await poll("a model_downloading answer", async () => {
      const response = await ask();
      const body = (await response.json()) as { error?: { code?: string; message: string } };
      return body.error?.code === "model_downloading" ? { response, body } : undefined;
    });
    expect(downloading.response.status).toBe(503);
    expect(downloading.response.headers.get("x-should-retry")).toBe("true");
    expect(Number(downloading.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(downloading.body.error?.message).toMatch(/still downloading \(\d+%\)/);

    released = true;
    for (const response of held.splice(0)) {
      const { from, to } = response as ServerResponse & { from: number; to: number };
      response.end(model.subarray(from, to));
    }
    const openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
    const answer = await poll("an answer once downloaded", () =>
      openai.chat.completions
        .create({ model: "llama-cpp/tiny", messages: [{ role: "user", content: "Hi" }], max_tokens: 3 })
        .catch((error: unknown) => {
          if (error instanceof OpenAI.APIError && error.status === 503) return undefined;
          throw error;
        }),
    );
    expect(answer.usage?.completion_tokens).toBe(3);
  }, 60_000);
});
