import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentSession, say } from "../helpers/legacy-agents.ts";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// web_search in /v1/responses through the real remote::web-search provider. Brave's API is SaaS
// we cannot reach, so a loopback test double answers in its documented format; everything else
// (the loop, the tool runtime, the provider's request and parsing) is the real path.
let ts: TestStack;
let openai: OpenAI;
const braveDouble = { queries: [] as string[], empty: false, close: () => {} };

beforeAll(async () => {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://double");
    braveDouble.queries.push(url.searchParams.get("q") ?? "");
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        type: "search",
        web: {
          results: braveDouble.empty
            ? []
            : [
                { title: "Llama", url: "https://en.wikipedia.org/wiki/Llama", description: "A camelid." },
                { title: "Llamas hum", url: "https://example.org/hum", description: "Why llamas hum." },
              ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  braveDouble.close = () => server.close();
  const searcher = await chainModelPath('[web_search(query="llamas")]');
  const base = llamaCppConfig([
    { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 2048 },
  ]);
  ts = await startTestStack({
    ...base,
    apis: ["inference", "tool_runtime", "conversations", "responses", "agents"],
    providers: {
      ...base.providers,
      tool_runtime: [
        {
          provider_id: "brave-search",
          provider_type: "remote::web-search",
          module: "../tools/web-search/src/index.ts",
          config: {
            vendor: "brave",
            api_key: "test-key",
            base_urls: { brave: `http://127.0.0.1:${(server.address() as AddressInfo).port}/search` },
          },
        },
      ],
    },
  });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await ts?.close();
  braveDouble.close();
});

describe("web_search in responses", () => {
  it("runs the search; its sources are listed only when include asks for them", async () => {
    const request = {
      model: "llama-cpp/searcher",
      input: "Find llamas.",
      tools: [{ type: "web_search" as const }],
      ...({ max_infer_iters: 1 } as object),
    };
    const plain = await openai.responses.create(request);
    expect(plain.output).toEqual([
      {
        type: "web_search_call",
        id: expect.stringMatching(/^ws_/),
        status: "completed",
        action: { type: "search", query: "llamas" },
      },
    ]);
    expect(braveDouble.queries.at(-1)).toBe("llamas");

    const stream = openai.responses.stream({ ...request, include: ["web_search_call.action.sources"] });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(final.output[0]).toMatchObject({
      type: "web_search_call",
      status: "completed",
      action: {
        type: "search",
        query: "llamas",
        sources: [
          { type: "url", url: "https://en.wikipedia.org/wiki/Llama" },
          { type: "url", url: "https://example.org/hum" },
        ],
      },
    });
    expect(types).toContain("response.web_search_call.completed");
    expect(types.at(-1)).toBe("response.incomplete");
  }, 60_000);

  it("keeps the search's text for the model's later turns, never showing it to a reader", async () => {
    const search = (results: boolean) => {
      braveDouble.empty = !results;
      return openai.responses.create({
        model: "llama-cpp/searcher",
        input: "Find llamas.",
        tools: [{ type: "web_search" }],
        ...({ max_infer_iters: 1 } as object),
      });
    };
    const found = await search(true);
    const nothing = await search(false);
    braveDouble.empty = false;
    const next = (previous: string) =>
      openai.responses.create({
        model: "llama-cpp/searcher",
        input: "Again.",
        previous_response_id: previous,
        tools: [{ type: "web_search" }],
        ...({ max_infer_iters: 1 } as object),
      });
    // What the search found reaches the next turn's model: its prompt is longer by the results.
    const [afterFound, afterNothing] = [await next(found.id), await next(nothing.id)];
    expect(afterFound.usage!.input_tokens).toBeGreaterThan(afterNothing.usage!.input_tokens + 20);
    // …and no read shows it.
    const reads = [
      found,
      await openai.responses.retrieve(found.id),
      await openai.responses.retrieve(found.id, { include: ["web_search_call.action.sources"] }),
      (await openai.responses.inputItems.list(afterFound.id)).data,
    ];
    for (const read of reads) expect(JSON.stringify(read)).not.toContain("Why llamas hum");
    expect(JSON.stringify(reads[2])).toContain("https://example.org/hum");
    expect(JSON.stringify(reads[1])).not.toContain("https://example.org/hum");
  }, 60_000);

  it("a legacy agent's search is a tool_execution step listing the pages found", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const { path } = await agentSession(client, {
      model: "llama-cpp/searcher",
      instructions: "",
      toolgroups: ["builtin::websearch"],
      max_infer_iters: 1,
    });
    const turn = (await client.post(path, { body: say("Find llamas.") })) as {
      steps: { step_type: string; tool_responses?: { tool_name: string; content: string }[] }[];
    };
    expect(turn.steps.map((step) => step.step_type)).toEqual(["inference", "tool_execution"]);
    const [answer] = turn.steps[1]!.tool_responses!;
    expect(answer!.tool_name).toBe("web_search");
    expect(JSON.parse(answer!.content)).toEqual({
      sources: ["https://en.wikipedia.org/wiki/Llama", "https://example.org/hum"],
    });
  }, 60_000);
});
