import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { type SocketPostgres, startSocketPostgres } from "../helpers/pglite-socket-postgres.ts";
import { responsesStackConfig } from "../helpers/responses-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// A background response followed from any replica: two Stacks on one PostgreSQL server, whichever
// runs the job. The runner's replica follows it live (its hub), the other through the stored
// event log; both must send the same events, numbered alike, and resume after any of them.
const ANSWER = "Llamas hum when curious; goats sing softly at dawn near old stone walls.";
let postgres: SocketPostgres;
const replicas: TestStack[] = [];
let clients: OpenAI[];

beforeAll(async () => {
  postgres = await startSocketPostgres({ maxConnections: 2 });
  const speaker = await chainModelPath(ANSWER);
  const config = {
    ...responsesStackConfig(
      llamaCppConfig([{ model_id: "speaker", source: speaker, chat_format: "llama3_1", context_size: 1024 }]),
      ["inference", "safety", "tool_runtime", "conversations", "responses"],
    ),
    storage: {
      backends: { sql_default: { type: "sql_postgres" as const, url: "${env.PG_URL}", pool_size: 1 } },
      stores: { metadata: { backend: "sql_default" } },
    },
  };
  for (let i = 0; i < 2; i++) replicas.push(await startTestStack(config, { env: { PG_URL: postgres.url } }));
  clients = replicas.map((r) => new OpenAI({ baseURL: `${r.url}/v1`, apiKey: "none", maxRetries: 0 }));
}, 120_000);
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await postgres?.stop();
});

type Event = { type: string; sequence_number: number; delta?: string };

/** `GET /v1/responses/{id}?stream=true`, as raw SSE events. */
async function resume(url: string, id: string, startingAfter?: number): Promise<Event[]> {
  const query = startingAfter === undefined ? "" : `&starting_after=${startingAfter}`;
  const response = await fetch(`${url}/v1/responses/${id}?stream=true${query}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Event);
}

const shape = (events: Event[]) => events.map((e) => [e.sequence_number, e.type, e.delta ?? null]);

describe("background responses across replicas", () => {
  it("streams the same events from both replicas while it runs, through the openai stream helper", async () => {
    const queued = await clients[0]!.responses.create({
      model: "llama-cpp/speaker",
      input: "Tell me about llamas",
      background: true,
    });
    const followers = clients.map(async (client) => {
      const stream = client.responses.stream({ response_id: queued.id });
      const events: Event[] = [];
      for await (const event of stream) events.push(event as Event);
      return { events, final: await stream.finalResponse() };
    });
    const [first, second] = await Promise.all(followers);
    for (const { events, final } of [first!, second!]) {
      expect(final.output_text).toBe(ANSWER);
      expect(events.at(-1)?.type).toBe("response.completed");
      expect(
        events
          .filter((e) => e.type === "response.output_text.delta")
          .map((e) => e.delta)
          .join(""),
      ).toBe(ANSWER);
    }
    expect(shape(second!.events)).toEqual(shape(first!.events));

    // Resumed after the run, from either replica, after any event.
    const all = await resume(replicas[0]!.url, queued.id);
    expect(shape(all)).toEqual(shape(first!.events));
    const middle = Math.floor(all.length / 2);
    for (const replica of replicas) {
      expect(shape(await resume(replica.url, queued.id, middle))).toEqual(shape(all.slice(middle + 1)));
    }
  }, 60_000);
});
