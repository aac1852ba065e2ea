import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// `/v1/conversations` against a real server, driven by the openai SDK and llama-stack-client.
let ts: TestStack;

beforeAll(async () => {
  ts = await startTestStack({
    ...catalogConfig(),
    apis: ["inference", "conversations"],
    server: {
      auth: TWO_PRINCIPALS_AUTH,
    },
  });
});
afterAll(async () => {
  await ts?.close();
});

const openai = (apiKey = ALICE) => new OpenAI({ baseURL: `${ts.url}/v1`, apiKey, maxRetries: 0 });
const stackClient = (apiKey = ALICE) => new LlamaStackClient({ baseURL: ts.url, apiKey, maxRetries: 0 });

async function raw(method: string, path: string, body?: unknown, apiKey = ALICE) {
  const response = await fetch(`${ts.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("conversations with the openai SDK", () => {
  it("creates with items and metadata, retrieves, updates metadata and deletes", async () => {
    const client = openai();
    const before = Math.floor(Date.now() / 1000);
    const conversation = await client.conversations.create({
      items: [
        { type: "message", role: "system", content: "Be brief." },
        { role: "user", content: "Hello!" },
      ],
      metadata: { topic: "greetings" },
    });
    expect(conversation).toEqual({
      id: expect.stringMatching(/^conv_[0-9a-f]{48}$/),
      object: "conversation",
      created_at: expect.any(Number),
      metadata: { topic: "greetings" },
    });
    expect(conversation.created_at).toBeGreaterThanOrEqual(before);
    expect(await client.conversations.retrieve(conversation.id)).toEqual(conversation);

    const items = await client.conversations.items.list(conversation.id, { order: "asc" });
    expect(items.data).toEqual([
      {
        type: "message",
        id: expect.stringMatching(/^msg_[0-9a-f]{48}$/),
        role: "system",
        content: [{ type: "input_text", text: "Be brief." }],
        status: "completed",
      },
      {
        type: "message",
        id: expect.stringMatching(/^msg_[0-9a-f]{48}$/),
        role: "user",
        content: [{ type: "input_text", text: "Hello!" }],
        status: "completed",
      },
    ]);

    const updated = await client.conversations.update(conversation.id, {
      metadata: { topic: "other", n: "2" },
    });
    expect(updated).toEqual({ ...conversation, metadata: { topic: "other", n: "2" } });

    expect(await client.conversations.delete(conversation.id)).toEqual({
      id: conversation.id,
      object: "conversation.deleted",
      deleted: true,
    });
    await expect(client.conversations.retrieve(conversation.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client.conversations.items.list(conversation.id)).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
  });

  it("adds a tool round trip as items, gets and deletes one, and pages with after/limit/order", async () => {
    const client = openai();
    const { id } = await client.conversations.create({});
    const added = await client.conversations.items.create(id, {
      items: [
        { role: "user", content: [{ type: "input_text", text: "Weather in Paris?" }] },
        { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' },
        { type: "function_call_output", call_id: "call_1", output: '{"temp":21}' },
        {
          type: "message",
          role: "assistant",
          id: "msg_answer",
          status: "completed",
          content: [{ type: "output_text", text: "21 °C.", annotations: [] }],
        },
      ],
    });
    expect(added.object).toBe("list");
    expect(added.data.map((i) => i.type)).toEqual([
      "message",
      "function_call",
      "function_call_output",
      "message",
    ]);
    expect(added.first_id).toBe(added.data[0]!.id);
    expect(added.last_id).toBe("msg_answer");
    expect(added.has_more).toBe(false);
    const call = added.data[1]!;
    expect(call).toEqual({
      type: "function_call",
      id: expect.stringMatching(/^item_[0-9a-f]{48}$/),
      call_id: "call_1",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
      status: "completed",
    });
    expect(await client.conversations.items.retrieve(call.id!, { conversation_id: id })).toEqual(call);

    // Newest first by default; the SDK's auto-pagination follows after=last_id.
    const ids = added.data.map((i) => i.id);
    const first = await client.conversations.items.list(id, { limit: 3 });
    expect(first.data.map((i) => i.id)).toEqual(ids.slice(1).reverse());
    expect(first.has_more).toBe(true);
    const seen: string[] = [];
    for await (const item of client.conversations.items.list(id, { limit: 1, order: "asc" }))
      seen.push(item.id!);
    expect(seen).toEqual(ids);
    const included = await client.conversations.items.list(id, {
      include: ["message.output_text.logprobs", "file_search_call.results"],
    });
    expect(included.data).toHaveLength(4);

    const afterDelete = await client.conversations.items.delete(call.id!, { conversation_id: id });
    expect(afterDelete).toMatchObject({ id, object: "conversation" });
    await expect(
      client.conversations.items.retrieve(call.id!, { conversation_id: id }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect((await client.conversations.items.list(id, { order: "asc" })).data.map((i) => i.id)).toEqual([
      ids[0],
      ids[2],
      ids[3],
    ]);
  });
});

describe("conversations with llama-stack-client", () => {
  it("drives the same routes", async () => {
    const client = stackClient();
    const conversation = await client.conversations.create({ metadata: { via: "llama-stack-client" } });
    expect(conversation).toMatchObject({ object: "conversation", metadata: { via: "llama-stack-client" } });
    const created = await client.conversations.items.create(conversation.id, {
      items: [{ type: "message", role: "user", content: "Hi" }],
    });
    const itemId = created.data[0]!.id!;
    expect(await client.conversations.items.get(conversation.id, itemId)).toEqual(created.data[0]);
    const page = await client.conversations.items.list(conversation.id, { limit: 10 });
    expect(page.data.map((i) => i.id)).toEqual([itemId]);
    expect((await client.conversations.update(conversation.id, { metadata: {} })).metadata).toEqual({});
    await client.conversations.items.delete(conversation.id, itemId);
    expect(await client.conversations.delete(conversation.id)).toMatchObject({
      id: conversation.id,
      deleted: true,
    });
  });
});

describe("ownership and bad input", () => {
  it("keeps conversations private to their owner", async () => {
    const { id } = await openai(ALICE).conversations.create({ items: [{ role: "user", content: "secret" }] });
    const bob = openai(BOB);
    await expect(bob.conversations.retrieve(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(bob.conversations.update(id, { metadata: {} })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(bob.conversations.items.list(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      bob.conversations.items.create(id, { items: [{ role: "user", content: "intrusion" }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(bob.conversations.delete(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect((await openai(ALICE).conversations.items.list(id)).data).toHaveLength(1);
  });

  it("answers bad input with 400 or 404 in the error envelope, never a 500", async () => {
    const { id } = await openai().conversations.create({});
    const missing = `conv_${"0".repeat(48)}`;
    const tooMany = Array.from({ length: 21 }, () => ({ role: "user", content: "x" }));
    const cases: [string, string, unknown, number][] = [
      ["POST", "/v1/conversations", { items: [{ type: "teleport" }] }, 400],
      ["POST", "/v1/conversations", { items: tooMany }, 400],
      ["POST", "/v1/conversations", { metadata: { n: 1 } }, 400],
      ["POST", "/v1/conversations", { metadata: { ["k".repeat(65)]: "v" } }, 400],
      ["GET", "/v1/conversations/conv_nope", undefined, 400],
      ["GET", `/v1/conversations/${missing}`, undefined, 404],
      ["POST", `/v1/conversations/${id}`, {}, 400],
      ["DELETE", `/v1/conversations/${missing}`, undefined, 404],
      ["POST", `/v1/conversations/${id}/items`, { items: [] }, 400],
      ["POST", `/v1/conversations/${id}/items`, { items: [{ role: "wizard", content: "x" }] }, 400],
      ["POST", `/v1/conversations/${id}/items`, { items: [{ type: "function_call", name: "f" }] }, 400],
      ["POST", `/v1/conversations/${missing}/items`, { items: [{ role: "user", content: "x" }] }, 404],
      ["GET", `/v1/conversations/${id}/items?limit=0`, undefined, 400],
      ["GET", `/v1/conversations/${id}/items?order=sideways`, undefined, 400],
      ["GET", `/v1/conversations/${id}/items?after=msg_unknown`, undefined, 404],
      ["GET", `/v1/conversations/${id}/items/msg_unknown`, undefined, 404],
      ["DELETE", `/v1/conversations/${id}/items/msg_unknown`, undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await raw(method, path, body);
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
      expect(response.body.error.message).toEqual(expect.any(String));
    }
    const unknown = await raw("POST", `/v1/conversations/${id}/items`, { items: [{ type: "teleport" }] });
    expect(unknown.body.error.message).toContain("items[0].type");
    expect(unknown.body.error.message).toContain("function_call_output");
  });
});
