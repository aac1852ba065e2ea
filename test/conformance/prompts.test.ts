import LlamaStackClient from "llama-stack-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogConfig, startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// `/v1/prompts` against a real server, driven by llama-stack-client (the openai SDK has no prompts API).
let ts: TestStack;

beforeAll(async () => {
  ts = await startTestStack({
    ...catalogConfig(),
    apis: ["inference", "prompts"],
    server: {
      auth: TWO_PRINCIPALS_AUTH,
    },
  });
});
afterAll(async () => {
  await ts?.close();
});

const as = (apiKey: string) => new LlamaStackClient({ baseURL: ts.url, apiKey, maxRetries: 0 });

async function raw(method: string, path: string, body?: unknown, apiKey = ALICE) {
  const response = await fetch(`${ts.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("prompts with llama-stack-client", () => {
  it("creates, versions, lists, sets the default and deletes", async () => {
    const client = as(ALICE);
    const created = await client.prompts.create({
      prompt: "You are a {{ role }} assistant for {{company}}.",
      variables: ["role", "company"],
    });
    expect(created).toEqual({
      prompt_id: expect.stringMatching(/^pmpt_[0-9a-f]{48}$/),
      version: 1,
      is_default: true,
      prompt: "You are a {{ role }} assistant for {{company}}.",
      variables: ["role", "company"],
    });
    const id = created.prompt_id;
    expect(await client.prompts.retrieve(id)).toEqual(created);

    const v2 = await client.prompts.update(id, {
      prompt: "Terse {{ role }}.",
      version: 1,
      variables: ["role"],
    });
    expect(v2).toEqual({
      prompt_id: id,
      version: 2,
      is_default: true,
      prompt: "Terse {{ role }}.",
      variables: ["role"],
    });
    const v3 = await client.prompts.update(id, { prompt: "Draft.", version: 2, set_as_default: false });
    expect(v3).toMatchObject({ version: 3, is_default: false, variables: [] });

    expect((await client.prompts.retrieve(id)).version).toBe(2);
    expect(await client.prompts.retrieve(id, { version: 1 })).toEqual({ ...created, is_default: false });
    const versions = await client.prompts.versions.list(id);
    expect(versions.map((p) => [p.version, p.is_default])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(await client.prompts.setDefaultVersion(id, { version: 3 })).toEqual({ ...v3, is_default: true });
    const listed = await client.prompts.list();
    expect(listed.find((p) => p.prompt_id === id)).toEqual({ ...v3, is_default: true });

    await client.prompts.delete(id);
    await expect(client.prompts.retrieve(id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((await client.prompts.list()).map((p) => p.prompt_id)).not.toContain(id);
  });

  it("answers a stale version with 409 naming the latest, and never retries it", async () => {
    const client = as(ALICE);
    const { prompt_id: id } = await client.prompts.create({ prompt: "base" });
    await client.prompts.update(id, { prompt: "second", version: 1 });
    const error = await client.prompts.update(id, { prompt: "lost", version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.ConflictError);
    expect((error as Error).message).toContain(
      `'1' is not the latest prompt version for prompt_id='${id}'. Use the latest version '2' in request.`,
    );
    const response = await fetch(`${ts.url}/v1/prompts/${id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json" },
      body: JSON.stringify({ prompt: "lost", version: 1 }),
    });
    expect(response.status).toBe(409);
    expect(response.headers.get("x-should-retry")).toBe("false");
  });

  it("refuses undeclared {{variables}} with a 400 naming them, on create and update", async () => {
    const client = as(ALICE);
    const error = await client.prompts
      .create({ prompt: "{{ a }} and {{b}} and {{ ok }}", variables: ["ok"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlamaStackClient.BadRequestError);
    expect((error as Error).message).toContain("Prompt contains undeclared variables: ['a', 'b']");

    const { prompt_id: id } = await client.prompts.create({ prompt: "fine" });
    const update = await raw("PUT", `/v1/prompts/${id}`, { prompt: "{{ x }}", version: 1 });
    expect(update.status).toBe(400);
    expect(update.body.error).toMatchObject({ param: "variables", type: "invalid_request_error" });
    expect(update.body.error.message).toContain("['x']");
    expect((await client.prompts.versions.list(id)).length).toBe(1);
  });

  it("keeps prompts private to their owner", async () => {
    const { prompt_id: id } = await as(ALICE).prompts.create({ prompt: "mine" });
    const bob = as(BOB);
    await expect(bob.prompts.retrieve(id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    await expect(bob.prompts.versions.list(id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    await expect(bob.prompts.update(id, { prompt: "x", version: 1 })).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    await expect(bob.prompts.setDefaultVersion(id, { version: 1 })).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
    await expect(bob.prompts.delete(id)).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((await bob.prompts.list()).map((p) => p.prompt_id)).not.toContain(id);
    expect((await as(ALICE).prompts.retrieve(id)).prompt).toBe("mine");
  });

  it("answers bad input with 400 or 404 in the error envelope, never a 500", async () => {
    const { prompt_id: id } = await as(ALICE).prompts.create({ prompt: "x" });
    const cases: [string, string, unknown, number][] = [
      ["POST", "/v1/prompts", {}, 400],
      ["POST", "/v1/prompts", { prompt: 3 }, 400],
      ["POST", "/v1/prompts", { prompt: "x", variables: "a" }, 400],
      ["GET", `/v1/prompts/${id}?version=0`, undefined, 400],
      ["GET", `/v1/prompts/${id}?version=abc`, undefined, 400],
      ["GET", `/v1/prompts/${id}?version=99999999999`, undefined, 400],
      ["GET", `/v1/prompts/${id}?version=7`, undefined, 404],
      ["GET", "/v1/prompts/pmpt_nope", undefined, 404],
      ["PUT", `/v1/prompts/${id}`, { prompt: "x" }, 400],
      ["PUT", `/v1/prompts/${id}`, { prompt: "x", version: 9 }, 409],
      ["PUT", `/v1/prompts/${id}/set-default-version`, { version: 5 }, 404],
      ["PUT", `/v1/prompts/${id}/set-default-version`, {}, 400],
      ["DELETE", "/v1/prompts/pmpt_nope", undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await raw(method, path, body);
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
      expect(response.body.error.message).toEqual(expect.any(String));
    }
  });
});
