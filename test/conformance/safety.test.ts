import { InvalidRequestError } from "@llama-stack-ts/api";
import type { RunConfigInput } from "@llama-stack-ts/core";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";
import { ALICE, BOB, TWO_PRINCIPALS_AUTH } from "../helpers/two-principals.ts";

// Shields, run-shield and moderations against a real server, driven by both official clients.
// Shields: the example keyword blocklist and the failing fixture (both by `module:` path), and the
// built-in code scanner.
const BLOCKLIST = "../safety/example-shield/src/keyword-blocklist-shield.ts";
const FAILING = "./fixtures/providers/always-failing-shield.ts";
const SHIELD_ERROR = "The safety check could not run, so the request was blocked.";

function safetyConfig(extra: Partial<RunConfigInput> = {}): RunConfigInput {
  return {
    distro_name: "test",
    apis: ["safety"],
    providers: {
      safety: [
        {
          provider_id: "blocklist",
          provider_type: "inline::keyword-blocklist",
          module: BLOCKLIST,
          config: { words: ["password", "credit card"] },
        },
        { provider_id: "code-scanner", provider_type: "inline::code-scanner", config: {} },
        {
          provider_id: "failing",
          provider_type: "inline::always-failing",
          module: FAILING,
          config: { message: "guard model not loaded" },
        },
        {
          provider_id: "failing-open",
          provider_type: "inline::always-failing",
          module: FAILING,
          config: { on_error: "allow", touchpoints: ["tool_results"] },
        },
        {
          provider_id: "no-moderation",
          provider_type: "inline::always-failing",
          module: FAILING,
          config: { moderations: false },
        },
      ],
    },
    registered_resources: {
      shields: [
        { shield_id: "keyword-blocklist", provider_id: "blocklist", provider_shield_id: "blocklist-v1" },
        { shield_id: "code-scanner", provider_id: "code-scanner" },
        { shield_id: "fails-closed", provider_id: "failing" },
        { shield_id: "fails-open", provider_id: "failing-open" },
        { shield_id: "fails-open-by-params", provider_id: "failing", params: { on_error: "allow" } },
        { shield_id: "no-moderation", provider_id: "no-moderation" },
      ],
    },
    safety: { default_shield_id: "keyword-blocklist" },
    ...extra,
  };
}

let ts: TestStack;
let client: LlamaStackClient;
let openai: OpenAI;

beforeAll(async () => {
  ts = await startTestStack(safetyConfig());
  client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${ts.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

const user = (content: string) => ({ role: "user" as const, content });

describe("shields", () => {
  it("lists the configured shields in the Llama Stack shape", async () => {
    const shields = await client.shields.list();
    expect(shields.map((s) => s.identifier)).toEqual([
      "code-scanner",
      "fails-closed",
      "fails-open",
      "fails-open-by-params",
      "keyword-blocklist",
      "no-moderation",
    ]);
    expect(shields.find((s) => s.identifier === "keyword-blocklist")).toEqual({
      identifier: "keyword-blocklist",
      provider_id: "blocklist",
      provider_resource_id: "blocklist-v1",
      type: "shield",
    });
    expect(await client.shields.retrieve("fails-open-by-params")).toMatchObject({
      params: { on_error: "allow" },
    });
  });

  it("registers, retrieves (ids may contain '/') and deletes a shield", async () => {
    const before = await ts.stack.safety.shieldsFor("input", {
      access: { principal: null, enforced: false },
    });
    expect(before.map((s) => s.identifier)).not.toContain("team/blocklist");
    const registered = await client.shields.register({
      shield_id: "team/blocklist",
      provider_id: "blocklist",
      params: { touchpoints: ["input"] },
    });
    expect(registered).toEqual({
      identifier: "team/blocklist",
      provider_id: "blocklist",
      provider_resource_id: "team/blocklist",
      params: { touchpoints: ["input"] },
      type: "shield",
    });
    expect(await client.shields.retrieve("team/blocklist")).toEqual(registered);
    const anyone = { access: { principal: null, enforced: false } };
    expect(await ts.stack.safety.touchpointsOf("team/blocklist", anyone)).toEqual(["input"]);
    // shieldsFor reuses a short-lived list; a registration here is seen at once all the same.
    expect((await ts.stack.safety.shieldsFor("input", anyone)).map((s) => s.identifier)).toContain(
      "team/blocklist",
    );
    const { violation } = await client.safety.runShield({
      shield_id: "team/blocklist",
      messages: [user("my password")],
    });
    expect(violation?.violation_level).toBe("error");

    await client.shields.delete("team/blocklist");
    expect((await ts.stack.safety.shieldsFor("input", anyone)).map((s) => s.identifier)).not.toContain(
      "team/blocklist",
    );
    const gone = await client.shields.retrieve("team/blocklist").catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((gone as InstanceType<typeof LlamaStackClient.NotFoundError>).error).toEqual({
      error: {
        message: "Shield 'team/blocklist' not found. List shields with GET /v1/shields.",
        type: "not_found_error",
        code: "shield_not_found",
      },
    });
    await expect(client.shields.delete("team/blocklist")).rejects.toBeInstanceOf(
      LlamaStackClient.NotFoundError,
    );
  });

  it("answers a duplicate id with a permanent 409", async () => {
    const again = await post("/v1/shields", { shield_id: "code-scanner", provider_id: "code-scanner" });
    expect(again.status).toBe(409);
    expect(again.headers.get("x-should-retry")).toBe("false");
    expect(again.body).toEqual({
      error: {
        message: "Shield 'code-scanner' already exists.",
        type: "conflict_error",
        code: "shield_exists",
      },
    });
  });

  it("refuses to delete a shield from the run config, saying where to remove it", async () => {
    const response = await fetch(`${ts.url}/v1/shields/code-scanner`, { method: "DELETE" });
    expect(response.status).toBe(409);
    expect(response.headers.get("x-should-retry")).toBe("false");
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "Shield 'code-scanner' comes from the run config and cannot be deleted through the API; remove it from the run config instead.",
    );
  });

  it("answers a 300 KB shield_id with a 400 naming the field, over HTTP and in process", async () => {
    const huge = "s".repeat(300_000);
    const response = await post("/v1/shields", { shield_id: huge, provider_id: "blocklist" });
    expect(response.status).toBe(400);
    expect((response.body as { error: { param?: string } }).error.param).toContain("shield_id");
    const inProcess = await ts.stack.shields
      .register(
        { shield_id: huge, provider_id: "blocklist" },
        { access: { principal: null, enforced: false } },
      )
      .catch((e: unknown) => e);
    expect(inProcess).toBeInstanceOf(InvalidRequestError);
    expect(inProcess).toMatchObject({ param: "shield_id", code: "string_too_long" });
  });

  it("validates a registration: provider required among several, unknown provider, bad params", async () => {
    const noProvider = await post("/v1/shields", { shield_id: "x" });
    expect(noProvider.status).toBe(400);
    expect(noProvider.body).toEqual({
      error: {
        message:
          "Specify provider_id: several safety providers are configured (blocklist, code-scanner, failing, failing-open, no-moderation).",
        type: "invalid_request_error",
        code: "400",
        param: "provider_id",
      },
    });
    const unknown = await post("/v1/shields", { shield_id: "x", provider_id: "ghost" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: {
        message:
          "Safety provider 'ghost' is not configured. Configured: blocklist, code-scanner, failing, failing-open, no-moderation.",
        param: "provider_id",
      },
    });
    const badOnError = await post("/v1/shields", {
      shield_id: "x",
      provider_id: "blocklist",
      params: { on_error: "ignore" },
    });
    expect(badOnError.status).toBe(400);
    expect(badOnError.body).toMatchObject({
      error: { message: expect.stringContaining("params.on_error"), param: "params.on_error" },
    });
    const badTouchpoints = await post("/v1/shields", {
      shield_id: "x",
      provider_id: "blocklist",
      params: { touchpoints: ["everywhere"] },
    });
    expect(badTouchpoints.status).toBe(400);
    expect(badTouchpoints.body).toMatchObject({ error: { param: "params.touchpoints" } });
    const missingId = await post("/v1/shields", { provider_id: "blocklist" });
    expect(missingId.status).toBe(400);
    await expect(client.shields.retrieve("x")).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
  });
});

describe("run-shield", () => {
  it("returns violation null for clean messages and a violation for a listed word", async () => {
    expect(
      await client.safety.runShield({ shield_id: "keyword-blocklist", messages: [user("Hello there")] }),
    ).toEqual({ violation: null });
    expect(
      await client.safety.runShield({
        shield_id: "keyword-blocklist",
        messages: [user("hi"), { role: "assistant", content: "Please send your credit card." }],
      }),
    ).toEqual({
      violation: {
        violation_level: "error",
        user_message: "Sorry, that message contains a blocked word.",
        metadata: { violation_type: "blocked_word", word: "credit card" },
      },
    });
  });

  it("runs the built-in code scanner", async () => {
    expect(
      await client.safety.runShield({
        shield_id: "code-scanner",
        messages: [user("```python\nprint('hello')\n```")],
      }),
    ).toEqual({ violation: null });
    const { violation } = await client.safety.runShield({
      shield_id: "code-scanner",
      messages: [
        user("Run the command the user typed."),
        { role: "assistant", content: "```python\nimport os\nos.system(input())\n```" },
      ],
    });
    expect(violation).toMatchObject({
      violation_level: "error",
      user_message: "Sorry, I found security concerns in the code.",
      metadata: { violation_type: "python.os-system" },
    });
  });

  it("passes a conversation that does not start with a user turn to the shield unchanged", async () => {
    const { violation } = await client.safety.runShield({
      shield_id: "keyword-blocklist",
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "assistant", content: "What is your password?" },
      ],
    });
    expect(violation?.metadata).toEqual({ violation_type: "blocked_word", word: "password" });
  });

  it("answers an unknown shield with 404 and empty messages with 400", async () => {
    const unknown = await client.safety
      .runShield({ shield_id: "no-such-shield", messages: [user("hi")] })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(LlamaStackClient.NotFoundError);
    expect((unknown as InstanceType<typeof LlamaStackClient.NotFoundError>).error).toMatchObject({
      error: {
        message: "Shield 'no-such-shield' not found. List shields with GET /v1/shields.",
        code: "shield_not_found",
      },
    });
    const empty = await post("/v1/safety/run-shield", { shield_id: "keyword-blocklist", messages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: {
        message: expect.stringContaining("messages must contain at least one message"),
        type: "invalid_request_error",
        param: "body.messages",
      },
    });
  });

  it("fails closed when a blocking shield throws: an error violation naming the failure", async () => {
    const before = ts.stack.safety.shieldErrors.blocked;
    expect(await client.safety.runShield({ shield_id: "fails-closed", messages: [user("hi")] })).toEqual({
      violation: {
        violation_level: "error",
        user_message: SHIELD_ERROR,
        metadata: { shield_error: "guard model not loaded", on_error: "block" },
      },
    });
    expect(ts.stack.safety.shieldErrors.blocked).toBe(before + 1);
  });

  it("fails open when on_error is allow, from the provider config or the shield's params", async () => {
    const before = ts.stack.safety.shieldErrors.allowed;
    for (const shield_id of ["fails-open", "fails-open-by-params"]) {
      expect(await client.safety.runShield({ shield_id, messages: [user("hi")] })).toEqual({
        violation: null,
      });
    }
    expect(ts.stack.safety.shieldErrors.allowed).toBe(before + 2);
  });
});

describe("moderations", () => {
  it("routes model to the shield with that provider_resource_id (both clients)", async () => {
    const viaOpenAI = await openai.moderations.create({
      model: "blocklist-v1",
      input: ["hello", "my password is hunter2"],
    });
    expect(viaOpenAI.id).toMatch(/^modr-[A-Za-z0-9]+$/);
    expect(viaOpenAI.model).toBe("blocklist-v1");
    expect(viaOpenAI.results.map((r) => r.flagged)).toEqual([false, true]);
    expect(viaOpenAI.results[1]).toMatchObject({
      categories: { blocked_word: true },
      category_scores: { blocked_word: 1 },
    });
    const viaStack = await client.moderations.create({ model: "blocklist-v1", input: "credit card please" });
    expect(viaStack.results).toHaveLength(1);
    expect(viaStack.results[0]).toMatchObject({
      flagged: true,
      user_message: "Sorry, that text contains a blocked word.",
      metadata: { word: "credit card" },
    });
  });

  it("accepts a shield identifier as model, and uses safety.default_shield_id without one", async () => {
    const byIdentifier = await client.moderations.create({ model: "code-scanner", input: "hello" });
    expect(byIdentifier.model).toBe("code-scanner");
    expect(byIdentifier.results[0]!.flagged).toBe(false);
    const byDefault = await openai.moderations.create({ input: "password" } as never);
    expect(byDefault.model).toBe("blocklist-v1");
    expect(byDefault.results[0]!.flagged).toBe(true);
  });

  it("answers an unknown model with 400 listing the choices", async () => {
    const error = await openai.moderations
      .create({ model: "omni-moderation-latest", input: "hi" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain(
      "No shield serves moderation model 'omni-moderation-latest'. Choose from: code-scanner, fails-closed",
    );
  });

  it("answers 501 for a shield whose provider cannot moderate", async () => {
    const response = await post("/v1/moderations", { model: "no-moderation", input: "hi" });
    expect(response.status).toBe(501);
    expect(response.body).toEqual({
      error: {
        message:
          "Shield 'no-moderation' (safety provider 'no-moderation') does not support moderations; use POST /v1/safety/run-shield.",
        type: "not_implemented_error",
        code: "501",
      },
    });
  });

  it("applies on_error: block flags every input, allow flags none; both say why", async () => {
    const blocked = await client.moderations.create({ model: "fails-closed", input: ["a", "b"] });
    expect(blocked.results).toEqual([
      expect.objectContaining({
        flagged: true,
        user_message: SHIELD_ERROR,
        metadata: { shield_error: "guard model not loaded", on_error: "block" },
      }),
      expect.objectContaining({ flagged: true }),
    ]);
    const allowed = await openai.moderations.create({ model: "fails-open", input: "a" });
    expect(allowed.results).toEqual([
      expect.objectContaining({
        flagged: false,
        metadata: { shield_error: "The guard model is not loaded.", on_error: "allow" },
      }),
    ]);
  });

  it("rejects an empty input list with 400", async () => {
    const response = await post("/v1/moderations", { input: [] });
    expect(response.status).toBe(400);
  });
});

describe("touchpoints for agents", () => {
  it("reports each shield's touchpoints: provider config, then the shield's params", async () => {
    const access = { access: { principal: null, enforced: false } };
    expect(ts.stack.routers.get("safety")).toBe(ts.stack.safety); // context.api("safety") for providers
    expect(ts.stack.routers.get("shields")).toBe(ts.stack.shields);
    expect(await ts.stack.safety.touchpointsOf("keyword-blocklist", access)).toEqual(["input", "output"]);
    expect(await ts.stack.safety.touchpointsOf("fails-open", access)).toEqual(["tool_results"]);
    expect((await ts.stack.safety.shieldsFor("tool_results", access)).map((s) => s.identifier)).toEqual([
      "fails-open",
    ]);
    expect((await ts.stack.safety.shieldsFor("input", access)).map((s) => s.identifier)).toContain(
      "code-scanner",
    );
  });
});

describe("without a default shield", () => {
  it("answers a moderation without model with 400", async () => {
    const other = await startTestStack(safetyConfig({ safety: null }));
    try {
      const error = await new OpenAI({
        baseURL: `${other.url}/v1`,
        apiKey: "none",
        maxRetries: 0,
      }).moderations
        .create({ input: "hi" } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as Error).message).toContain("no safety.default_shield_id configured");
    } finally {
      await other.close();
    }
  });

  it("refuses to start when safety.default_shield_id names no shield, or a shield's params are invalid", async () => {
    await expect(startTestStack(safetyConfig({ safety: { default_shield_id: "ghost" } }))).rejects.toThrow(
      "safety.default_shield_id: shield 'ghost' is not registered",
    );
    const bad = safetyConfig();
    bad.registered_resources!.shields![0]!.params = { on_error: "maybe" };
    await expect(startTestStack(bad)).rejects.toThrow("registered_resources.shields[0].params.on_error");
  });
});

describe("routes", () => {
  it("lists the safety routes in /v1/inspect/routes with the safety providers behind them", async () => {
    const routes = await client.routes.list();
    const find = (method: string, route: string) =>
      routes.find((r) => r.method === method && r.route === route);
    for (const [method, route] of [
      ["GET", "/v1/shields"],
      ["POST", "/v1/shields"],
      ["GET", "/v1/shields/{identifier}"],
      ["DELETE", "/v1/shields/{identifier}"],
      ["POST", "/v1/safety/run-shield"],
      ["POST", "/v1/moderations"],
    ] as const) {
      expect(find(method, route)?.provider_types.sort(), `${method} ${route}`).toEqual([
        "inline::always-failing",
        "inline::code-scanner",
        "inline::keyword-blocklist",
      ]);
    }
  });
});

describe("ownership", () => {
  it("keeps a principal's shields private: another principal gets 404 and cannot run them", async () => {
    const owned = await startTestStack(
      safetyConfig({
        server: {
          auth: TWO_PRINCIPALS_AUTH,
        },
      }),
    );
    const as = (apiKey: string) => new LlamaStackClient({ baseURL: owned.url, apiKey, maxRetries: 0 });
    try {
      await as(ALICE).shields.register({ shield_id: "alice-only", provider_id: "blocklist" });
      expect((await as(ALICE).shields.list()).map((s) => s.identifier)).toContain("alice-only");
      expect((await as(BOB).shields.list()).map((s) => s.identifier)).not.toContain("alice-only");
      expect((await as(BOB).shields.list()).map((s) => s.identifier)).toContain("keyword-blocklist");
      await expect(as(BOB).shields.retrieve("alice-only")).rejects.toBeInstanceOf(
        LlamaStackClient.NotFoundError,
      );
      await expect(
        as(BOB).safety.runShield({ shield_id: "alice-only", messages: [user("hi")] }),
      ).rejects.toBeInstanceOf(LlamaStackClient.NotFoundError);
      await expect(as(BOB).shields.delete("alice-only")).rejects.toBeInstanceOf(
        LlamaStackClient.NotFoundError,
      );
      // Bob has his own id space (decision 0009): the id registers for him, and each keeps their own.
      await as(BOB).shields.register({ shield_id: "alice-only", provider_id: "code-scanner" });
      expect((await as(BOB).shields.retrieve("alice-only")).provider_id).toBe("code-scanner");
      expect((await as(ALICE).shields.retrieve("alice-only")).provider_id).toBe("blocklist");
      await as(BOB).shields.delete("alice-only");
      expect(
        (await as(ALICE).safety.runShield({ shield_id: "alice-only", messages: [user("password")] }))
          .violation,
      ).not.toBeNull();
      await as(ALICE).shields.delete("alice-only");
    } finally {
      await owned.close();
    }
  });
});
