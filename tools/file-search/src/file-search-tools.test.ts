import type { ApiCall, ProviderContext, ToolGroup, ToolRuntimeProvider } from "@llama-stack-ts/api";
import { InvalidRequestError, TOOL_ERROR } from "@llama-stack-ts/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ragStackConfig } from "../../../test/helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../../../test/helpers/start-test-stack.ts";
import { type FileSearchConfig, FileSearchConfigSchema } from "./file-search-config.ts";
import { fileSearchTools } from "./file-search-tools.ts";

// A real Stack (tiny embedding model, pgvector, local files); the provider reaches it the way the
// Stack hands routers to providers, by API name.
const LLAMAS = "Llamas are domesticated South American camelids that hum when curious.";
const POSTGRES = "PostgreSQL stores vectors with the pgvector extension and indexes them with HNSW.";
const call: ApiCall = { access: { principal: null, enforced: false } };
const group: ToolGroup = {
  identifier: "builtin::file_search",
  provider_id: "file-search",
  type: "tool_group",
};
let ts: TestStack;
let provider: ToolRuntimeProvider;
let storeId: string;
let llamasId: string;
let postgresId: string;

async function upload(filename: string, text: string) {
  const files = ts.stack.routers.require("files");
  return files.create(
    {
      filename,
      contentType: "text/plain",
      content: (async function* () {
        yield Buffer.from(text);
      })(),
    },
    { purpose: "assistants" },
    call,
  );
}

async function attach(fileId: string, attributes: Record<string, string | number | boolean>) {
  const vectorStores = ts.stack.routers.require("vector_stores");
  await vectorStores.attachFile(storeId, { file_id: fileId, attributes }, call);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const file = await vectorStores.retrieveFile(storeId, fileId, call);
    if (file.status === "completed") return;
    if (file.status !== "in_progress")
      throw new Error(`ingestion ended ${file.status}: ${JSON.stringify(file.last_error)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`file ${fileId} never left in_progress`);
}

beforeAll(async () => {
  ts = await startTestStack(await ragStackConfig());
  storeId = (await ts.stack.routers.require("vector_stores").create({ name: "docs" }, call)).id;
  llamasId = (await upload("llamas.md", LLAMAS)).id;
  postgresId = (await upload("postgres.txt", POSTGRES)).id;
  await attach(llamasId, { kind: "animal" });
  await attach(postgresId, { kind: "database" });
  const context = {
    providerId: "file-search",
    config: FileSearchConfigSchema.parse({}),
    logger: ts.stack.logger,
    api: (name) => ts.stack.routers.require(name),
  } as Partial<ProviderContext<FileSearchConfig>> as ProviderContext<FileSearchConfig>;
  provider = await fileSearchTools.create(context);
}, 120_000);
afterAll(async () => {
  await ts?.close();
});

const search = (kwargs: Record<string, unknown>, toolName = "file_search") =>
  provider.invokeTool({ toolName, kwargs, toolGroup: group }, {});

describe("file search", () => {
  it("offers file_search and knowledge_search in builtin::file_search", async () => {
    expect(fileSearchTools.providerType).toBe("inline::file-search");
    expect(provider.defaultToolGroups).toEqual(["builtin::file_search"]);
    const tools = await provider.listTools(group, {});
    expect(tools.map((tool) => tool.name)).toEqual(["file_search", "knowledge_search"]);
    expect(tools[0]!.input_schema).toMatchObject({ required: ["query", "vector_store_ids"] });
  });

  it("formats results as upstream does for Llama models, citing file ids with real filenames", async () => {
    const result = await search({
      query: "camelids that hum",
      vector_store_ids: [storeId],
      search_mode: "keyword",
    });
    const texts = (result.content as { text: string }[]).map((item) => item.text);
    expect(texts[0]).toBe("file_search tool found 1 chunks:\nBEGIN of file_search tool results.\n");
    expect(texts[1]).toMatch(
      new RegExp(
        `^\\[1\\] document_id: ${llamasId}, score: [\\d.e-]+, attributes: \\{"kind":"animal"\\} cite as <\\|${llamasId}\\|>\\n${LLAMAS}\\n$`,
      ),
    );
    expect(texts[2]).toBe("END of file_search tool results.\n");
    expect(texts[3]).toMatch(
      /^The above results were retrieved to help answer the user's query: "camelids that hum"\. Use them as supporting information only in answering this query\. Cite sources immediately .* do not invent new ones\.\n$/,
    );
    expect(result.metadata).toMatchObject({
      document_ids: [llamasId],
      chunks: [LLAMAS],
      attributes: [{ kind: "animal" }],
      citation_files: { [llamasId]: "llamas.md" },
      results: [{ vector_store_id: storeId, file_id: llamasId, filename: "llamas.md", text: LLAMAS }],
    });
  });

  it("knowledge_search answers the same, and vector search honours count and filters", async () => {
    const kwargs = { query: "vectors in PostgreSQL", vector_store_ids: [storeId], search_mode: "keyword" };
    expect(await search(kwargs, "knowledge_search")).toEqual(await search(kwargs));
    const vector = await search({
      query: "anything",
      vector_store_ids: [storeId],
      max_num_results: 2,
      // The tiny model's similarities can be negative; keep every chunk.
      ranking_options: { score_threshold: -1 },
    });
    expect(vector.metadata!.citation_files as Record<string, string>).toEqual({
      [llamasId]: "llamas.md",
      [postgresId]: "postgres.txt",
    });
    const filtered = await search({
      query: "anything",
      vector_store_ids: [storeId],
      filters: { type: "eq", key: "kind", value: "database" },
      ranking_options: { score_threshold: -1 },
    });
    expect(filtered.metadata).toMatchObject({ document_ids: [postgresId] });
    const one = await search({
      query: "anything",
      vector_store_ids: [storeId],
      search_mode: "hybrid",
      ranking_options: { score_threshold: -1 },
      max_num_results: 1,
    });
    expect((one.metadata!.document_ids as string[]).length).toBe(1);
  });

  it("no hits: header, footer and context without the citation instruction", async () => {
    const result = await search({ query: "zebras", vector_store_ids: [storeId], search_mode: "keyword" });
    expect((result.content as { text: string }[]).map((item) => item.text)).toEqual([
      "file_search tool found 0 chunks:\nBEGIN of file_search tool results.\n",
      "END of file_search tool results.\n",
      `The above results were retrieved to help answer the user's query: "zebras". Use them as supporting information only in answering this query. \n`,
    ]);
  });

  it("an unknown store is reported; if no store answers, a tool error", async () => {
    const mixed = await search({
      query: "camelids",
      vector_store_ids: ["vs_missing", storeId],
      search_mode: "keyword",
    });
    expect(mixed.metadata).toMatchObject({
      document_ids: [llamasId],
      failed_vector_stores: [{ vector_store_id: "vs_missing" }],
    });
    const none = await search({ query: "camelids", vector_store_ids: ["vs_missing"] });
    expect(none.error_code).toBe(TOOL_ERROR.failed);
    expect(none.error_message).toMatch(/^file_search found nothing to search: vs_missing: .*vs_missing/);
  });

  it("refuses a bad search_mode before searching, naming the argument", async () => {
    const error = await search({ query: "x", vector_store_ids: [storeId], search_mode: "fuzzy" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ param: "kwargs.search_mode" });
  });
});
