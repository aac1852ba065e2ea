import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunConfigInput } from "@llama-stack-ts/core";
import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentSession, streamTurnPayloads } from "../helpers/legacy-agents.ts";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// file_search in /v1/responses over a real vector store, and citations: a model that writes
// `<|file-…|>` gets OpenAI's `file_citation` annotations, markers stripped from the text, streamed.
// The citing chain model needs the file's id in its text, so a first Stack on the same data dir
// ingests the file before the Stack under test starts.
const LLAMAS = "Llamas are domesticated South American camelids that hum when curious.";
const CITED = "Llamas hum ";
let ts: TestStack;
let openai: OpenAI;
let fileId: string;
let storeId: string;

async function config(dir: string, extraModels: Record<string, unknown>[] = []): Promise<RunConfigInput> {
  const base = await ragStackConfig({ filesDir: join(dir, "files"), extraModels });
  return {
    ...base,
    apis: ["inference", "vector_io", "files", "tool_runtime", "conversations", "responses", "agents"],
    providers: {
      ...base.providers,
      tool_runtime: [
        {
          provider_id: "file-search",
          provider_type: "inline::file-search",
          module: "../tools/file-search/src/index.ts",
          config: {},
        },
      ],
    },
  };
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "lsts-file-search-"));
  const dataDir = join(dir, "data");
  const ingest = await startTestStack(await config(dir), { dataDir });
  const client = new OpenAI({ baseURL: `${ingest.url}/v1`, apiKey: "none", maxRetries: 0 });
  storeId = (await client.vectorStores.create({ name: "docs" })).id;
  // A chain model's text may not repeat a token with two successors; file ids are random, so
  // upload until one fits, and index only that file.
  let citer: string | undefined;
  for (let attempt = 0; attempt < 40 && citer === undefined; attempt++) {
    fileId = (
      await client.files.create({
        file: await toFile(Buffer.from(LLAMAS), "llamas.md"),
        purpose: "assistants",
      })
    ).id;
    citer = await chainModelPath(`${CITED}<|${fileId}|>`).catch(() => undefined);
  }
  if (citer === undefined) throw new Error("no file id made a valid chain model text");
  await client.vectorStores.files.createAndPoll(storeId, { file_id: fileId }, { pollIntervalMs: 50 });
  await ingest.close();

  const searcher = await chainModelPath('[file_search(query="camelids that hum")]');
  ts = await startTestStack(
    await config(dir, [
      { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 2048 },
      { model_id: "citer", source: citer, chat_format: "llama3_1", context_size: 2048 },
    ]),
    { dataDir },
  );
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
}, 180_000);
afterAll(async () => {
  await ts?.close();
});

const fileSearch = () => ({
  type: "file_search" as const,
  vector_store_ids: [storeId],
  search_mode: "keyword",
});

describe("file_search in responses", () => {
  it("searches the vector store; its results are sent when include asks for them", async () => {
    const request = {
      model: "llama-cpp/searcher",
      input: "What hums?",
      tools: [fileSearch()],
      ...({ max_tool_calls: 1 } as object),
    };
    const included = await openai.responses.create({ ...request, include: ["file_search_call.results"] });
    const call = included.output[0] as OpenAI.Responses.ResponseFileSearchToolCall;
    expect(call).toMatchObject({
      type: "file_search_call",
      status: "completed",
      queries: ["camelids that hum"],
    });
    expect(call.results).toEqual([
      { file_id: fileId, filename: "llamas.md", score: expect.any(Number), text: LLAMAS, attributes: {} },
    ]);
    const plain = await openai.responses.create(request);
    expect(plain.output[0]).toMatchObject({ type: "file_search_call", status: "completed", results: null });
  }, 60_000);

  it("keeps what the search found for later turns, shown only where include asks for it", async () => {
    const request = {
      model: "llama-cpp/searcher",
      input: "What hums?",
      tools: [fileSearch()],
      ...({ max_tool_calls: 1 } as object),
    };
    const hidden = await openai.responses.create(request);
    const shown = await openai.responses.create({ ...request, include: ["file_search_call.results"] });
    // The next turn's model reads the same history, whether or not the client saw the results.
    const next = (previous: string) =>
      openai.responses.create({
        model: "llama-cpp/citer",
        input: "Cite it.",
        previous_response_id: previous,
      });
    const [afterHidden, afterShown] = await Promise.all([next(hidden.id), next(shown.id)]);
    expect(afterHidden.usage!.input_tokens).toBe(afterShown.usage!.input_tokens);
    // The citation needs the search's file in the history, so it appears after either.
    expect(afterHidden.output_text).toBe(CITED);

    // Every read shows the results only when asked.
    const results = [expect.objectContaining({ file_id: fileId, text: LLAMAS })];
    expect((await openai.responses.retrieve(hidden.id)).output[0]).toMatchObject({ results: null });
    const retrieved = await openai.responses.retrieve(hidden.id, { include: ["file_search_call.results"] });
    expect(retrieved.output[0]).toMatchObject({ results });
    const items = (include?: OpenAI.Responses.ResponseIncludable[]) =>
      openai.responses.inputItems.list(afterHidden.id, { order: "asc", ...(include ? { include } : {}) });
    expect((await items()).data[1]).toMatchObject({ type: "file_search_call", results: null });
    expect((await items(["file_search_call.results"])).data[1]).toMatchObject({ results });
    // llama-stack-client sends include as a comma list.
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const viaClient = await client.responses.inputItems.list(afterHidden.id, {
      order: "asc",
      include: ["file_search_call.results"],
    });
    expect(viaClient.data[1]).toMatchObject({ results });

    // A conversation keeps them too, and shows them as the responses routes do.
    const conversation = await openai.conversations.create();
    await openai.responses.create({ ...request, conversation: conversation.id });
    const listed = (include?: OpenAI.Conversations.ItemListParams["include"]) =>
      openai.conversations.items.list(conversation.id, { order: "asc", ...(include ? { include } : {}) });
    const searchItem = (await listed()).data[1]!;
    expect(searchItem).toMatchObject({ type: "file_search_call", results: null });
    expect((await listed(["file_search_call.results"])).data[1]).toMatchObject({ results });
    const one = await openai.conversations.items.retrieve(searchItem.id!, {
      conversation_id: conversation.id,
      include: ["file_search_call.results"],
    });
    expect(one).toMatchObject({ results });
  }, 60_000);

  it("turns a model's <|file-id|> markers into file_citation annotations, streamed and stored", async () => {
    const searched = await openai.responses.create({
      model: "llama-cpp/searcher",
      input: "What hums?",
      tools: [fileSearch()],
      include: ["file_search_call.results"],
      ...({ max_tool_calls: 1 } as object),
    });
    const stream = openai.responses.stream({
      model: "llama-cpp/citer",
      input: "Cite it.",
      previous_response_id: searched.id,
    });
    let streamed = "";
    const added: unknown[] = [];
    for await (const event of stream) {
      if (event.type === "response.output_text.delta") streamed += event.delta;
      if (event.type === "response.output_text.annotation.added") added.push(event.annotation);
    }
    const final = await stream.finalResponse();
    const citation = { type: "file_citation", file_id: fileId, filename: "llamas.md", index: CITED.length };
    expect(final.output_text).toBe(CITED);
    expect(streamed).toBe(final.output_text);
    expect(added).toEqual([citation]);
    const part = (final.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0];
    expect(part).toMatchObject({ type: "output_text", annotations: [citation] });
    const stored = await openai.responses.retrieve(final.id);
    expect(stored.output_text).toBe(CITED);
    expect((stored.output[0] as OpenAI.Responses.ResponseOutputMessage).content[0]).toMatchObject({
      annotations: [citation],
    });

    // Without a search that found the file, the marker is only text.
    const uncited = await openai.responses.create({ model: "llama-cpp/citer", input: "Cite it." });
    expect(uncited.output_text).toBe(`${CITED}<|${fileId}|>`);
  }, 60_000);
});

describe("file search in a legacy agent turn", () => {
  it("is a memory_retrieval step naming the agent's vector stores and the context it inserted", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const { path } = await agentSession(client, {
      model: "llama-cpp/searcher",
      instructions: "Search first.",
      toolgroups: [{ name: "builtin::rag/knowledge_search", args: { vector_db_ids: [storeId] } }],
      max_infer_iters: 1,
    });
    const body = { messages: [{ role: "user", content: "What hums?" }] };
    const retrieval = { step_type: "memory_retrieval", vector_db_ids: storeId, inserted_context: LLAMAS };

    const turn = (await client.post(path, { body })) as { steps: { step_type: string }[] };
    expect(turn.steps.map((step) => step.step_type)).toEqual(["inference", "memory_retrieval"]);
    expect(turn.steps[1]).toMatchObject(retrieval);

    const payloads = await streamTurnPayloads<{
      event_type: string;
      step_type?: string;
      step_details?: unknown;
    }>(client, path, body);
    const memory = payloads.filter((p) => p.step_type === "memory_retrieval");
    expect(memory.map((p) => p.event_type)).toEqual(["step_start", "step_complete"]);
    expect(memory[1]!.step_details).toMatchObject(retrieval);
  }, 60_000);
});
