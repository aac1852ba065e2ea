import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import type { CliProcess } from "../helpers/run-cli.ts";
import { serveCli } from "../helpers/serve-cli.ts";

// A server killed mid-turn (SIGKILL: no shutdown hooks). The next start fails the foreground
// response it left in progress, and runs the background one again from its input to the end.
const started: CliProcess[] = [];
afterAll(() => {
  for (const cli of started) cli.child.kill("SIGKILL");
});

describe("a server killed mid-turn", () => {
  it("leaves no response in progress forever", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lsts-turn-crash-"));
    const dataDir = join(dir, "data");
    const config = join(dir, "run.yaml");
    const inference = llamaCppConfig([
      { model_id: "tiny", source: await tinyLlamaPath(), chat_format: "llama3_1", parallel: 2 },
    ]);
    await writeFile(config, stringify({ version: 2, ...inference, apis: ["inference", "responses"] }));

    let { openai } = await serveCli(config, dataDir, started);
    const long = {
      model: "llama-cpp/tiny",
      input: "Tell me a long story",
      max_output_tokens: 1500,
      temperature: 0,
    };
    const background = await openai.responses.create({ ...long, max_output_tokens: 200, background: true });
    const stream = await openai.responses.create({ ...long, stream: true });
    // Read up to the first text, leaving the stream open (leaving a for-await would disconnect).
    const events = stream[Symbol.asyncIterator]();
    let foregroundId = "";
    for (;;) {
      const { value: event } = await events.next();
      if (event.type === "response.created") foregroundId = event.response.id;
      if (event.type === "response.output_text.delta") break;
    }
    // Both are written in_progress shortly after their first output.
    const status = (id: string) =>
      openai.responses.retrieve(id).then(
        (r) => r.status,
        () => "not stored yet",
      );
    for (let i = 0; i < 200 && (await status(background.id)) !== "in_progress"; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    for (let i = 0; i < 200 && (await status(foregroundId)) !== "in_progress"; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await openai.responses.retrieve(foregroundId)).status).toBe("in_progress");
    expect((await openai.responses.retrieve(background.id)).status).toBe("in_progress");
    const killed = started.at(-1)!;
    killed.child.kill("SIGKILL");
    await killed.exited;

    ({ openai } = await serveCli(config, dataDir, started));
    const foreground = await openai.responses.retrieve(foregroundId);
    expect(foreground.status).toBe("failed");
    expect(foreground.error?.message).toContain("stopped before it finished");
    let resumed = await openai.responses.retrieve(background.id);
    for (let i = 0; i < 600 && (resumed.status === "queued" || resumed.status === "in_progress"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      resumed = await openai.responses.retrieve(background.id);
    }
    expect(resumed.status).toMatch(/^(completed|incomplete)$/);
    expect(resumed.output_text.length).toBeGreaterThan(0);
    expect(resumed.usage?.output_tokens).toBeGreaterThan(0);
  }, 180_000);
});
