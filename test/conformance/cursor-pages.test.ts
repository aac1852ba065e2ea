import LlamaStackClient from "llama-stack-client";
import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ragStackConfig } from "../helpers/rag-stack-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// Every cursor-paged list answers a cursor that names no item the same way: an error naming the
// cursor (404; 400 under /v1/vector_stores, upstream's quirk for every missing resource there),
// never a silently unpaged list.
let ts: TestStack;
let openai: OpenAI;
let storeId: string;
let batchId: string;

beforeAll(async () => {
  ts = await startTestStack(await ragStackConfig());
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
  const file = await openai.files.create({
    file: await toFile(Buffer.from("Llamas hum when curious."), "llamas.txt"),
    purpose: "assistants",
  });
  storeId = (await openai.vectorStores.create({ name: "cursors" })).id;
  batchId = (await openai.vectorStores.fileBatches.create(storeId, { file_ids: [file.id] })).id;
});
afterAll(async () => {
  await ts?.close();
});

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as InstanceType<typeof OpenAI.APIError>;
}

describe("an unknown cursor", () => {
  it("is a 404 naming `after` on /v1/files (both clients)", async () => {
    const error = await rejection(openai.files.list({ after: "file-missing" }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ param: "after", code: "file_not_found" });
    expect(error.message).toContain("File 'file-missing' not found. Page with an id from the previous page.");
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    await expect(client.files.list({ after: "file-missing" })).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
  });

  it("is a 404 naming `after` on /v1/chat/completions", async () => {
    const error = await rejection(openai.chat.completions.list({ after: "chatcmpl-missing" }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ param: "after", code: "chat_completion_not_found" });
  });

  it("is a 400 naming `after` or `before` on /v1/vector_stores", async () => {
    const after = await rejection(openai.vectorStores.list({ after: "vs_missing" }));
    expect(after).toBeInstanceOf(OpenAI.BadRequestError);
    expect(after).toMatchObject({ param: "after", code: "vector_store_not_found" });
    const before = await rejection(openai.vectorStores.list({ before: "vs_missing" }));
    expect(before).toMatchObject({ status: 400, param: "before" });
  });

  it("is a 400 naming `after` on a vector store's files and a file batch's files", async () => {
    const files = await rejection(openai.vectorStores.files.list(storeId, { after: "file-missing" }));
    expect(files).toBeInstanceOf(OpenAI.BadRequestError);
    expect(files).toMatchObject({ param: "after", code: "file_not_found" });
    const batch = await rejection(
      openai.vectorStores.fileBatches.listFiles(batchId, { vector_store_id: storeId, after: "file-missing" }),
    );
    expect(batch).toMatchObject({ status: 400, param: "after" });
  });

  it("a known cursor still pages on", async () => {
    const [first] = (await openai.vectorStores.list({ limit: 1 })).data;
    const next = await openai.vectorStores.list({ after: first!.id });
    expect(next.data.map((s) => s.id)).not.toContain(first!.id);
    const files = await openai.vectorStores.fileBatches.listFiles(batchId, { vector_store_id: storeId });
    expect(files.data).toHaveLength(1);
  });
});
