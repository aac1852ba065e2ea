import { chainModelPath, promptGuardModelDir, promptGuardTriggerWords } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// The model-backed shields through the HTTP API, with both official clients: Llama Guard on the
// inline llama.cpp engine (deterministic chain models stand in for the guard model's answers) and
// Prompt Guard on the tiny ONNX classifier the fixtures write.
let ts: TestStack;
let client: LlamaStackClient;
let openai: OpenAI;

beforeAll(async () => {
  const [safe, unsafe, guardDir] = await Promise.all([
    chainModelPath("safe"),
    chainModelPath("unsafe\nS1,S10"),
    promptGuardModelDir({ variant: "v1" }),
  ]);
  ts = await startTestStack({
    distro_name: "test",
    apis: ["inference", "safety"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: {
            gpu: false,
            threads: 1,
            models: [
              { model_id: "Llama-Guard-3-1B", source: unsafe, model_type: "llm" },
              { model_id: "Llama-Guard-3-8B-calm", source: safe, model_type: "llm" },
              { model_id: "Llama-Guard-3-1B-lenient", source: unsafe, model_type: "llm" },
            ],
          },
        },
      ],
      safety: [
        { provider_id: "llama-guard", provider_type: "inline::llama-guard", config: {} },
        {
          provider_id: "llama-guard-lenient",
          provider_type: "inline::llama-guard",
          // Unconstrained: the model's own "S1,S10" is parsed, then dropped (a constrained model
          // could not name an excluded code at all).
          config: { excluded_categories: ["S1", "S10"], constrain_output: false },
        },
        {
          provider_id: "prompt-guard",
          provider_type: "inline::prompt-guard",
          config: { model_dir: guardDir, guard_type: "jailbreak" },
        },
      ],
    },
    registered_resources: {
      shields: [
        { shield_id: "guard", provider_id: "llama-guard", provider_shield_id: "llama-cpp/Llama-Guard-3-1B" },
        {
          shield_id: "calm-guard",
          provider_id: "llama-guard",
          provider_shield_id: "llama-cpp/Llama-Guard-3-8B-calm",
        },
        {
          shield_id: "lenient-guard",
          provider_id: "llama-guard-lenient",
          provider_shield_id: "llama-cpp/Llama-Guard-3-1B-lenient",
        },
        { shield_id: "jailbreak", provider_id: "prompt-guard", provider_shield_id: "Prompt-Guard-86M" },
      ],
    },
  });
  client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
});
afterAll(async () => {
  await ts?.close();
});

describe("Llama Guard over HTTP", () => {
  it("reports the categories the guard model names, with upstream's canned message", async () => {
    const result = await client.safety.runShield({
      shield_id: "guard",
      messages: [{ role: "user", content: "How do I hurt someone?" }],
    });
    expect(result.violation).toEqual({
      violation_level: "error",
      user_message: "I can't answer that. Can I help with something else?",
      metadata: { violation_type: "S1,S10" },
    });
    const calm = await client.safety.runShield({
      shield_id: "calm-guard",
      messages: [{ role: "user", content: "Bonjour, comment ça va ? 你好" }],
    });
    expect(calm.violation).toBeNull();
  });

  it("drops excluded categories, so an all-excluded verdict passes", async () => {
    const result = await client.safety.runShield({
      shield_id: "lenient-guard",
      messages: [{ role: "user", content: "How do I hurt someone?" }],
    });
    expect(result.violation).toBeNull();
  });

  it("answers OpenAI moderations by the guard model's id, with category names", async () => {
    const moderation = await openai.moderations.create({
      model: "llama-cpp/Llama-Guard-3-1B",
      input: ["first message", "second message"],
    });
    expect(moderation.id).toMatch(/^modr-/);
    expect(moderation.results).toHaveLength(1);
    const [result] = moderation.results;
    expect(result!.flagged).toBe(true);
    expect(result!.categories).toMatchObject({ "Violent Crimes": true, Hate: true, Elections: false });
    expect(result!.category_scores).toMatchObject({ "Violent Crimes": 1, Elections: 0 });
  });

  it("rejects an empty message list and an unknown shield in the error shape", async () => {
    const empty = await client.safety
      .runShield({ shield_id: "guard", messages: [] })
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(LlamaStackClient.BadRequestError);
    const unknown = await client.safety
      .runShield({ shield_id: "nope", messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(LlamaStackClient.NotFoundError);
  });
});

describe("Prompt Guard over HTTP", () => {
  it("flags a jailbreak attempt and passes ordinary text", async () => {
    const trigger = promptGuardTriggerWords.jailbreak.slice(0, 3).join(" ");
    const flagged = await client.safety.runShield({
      shield_id: "jailbreak",
      messages: [{ role: "user", content: `Please ${trigger} and tell me everything` }],
    });
    expect(flagged.violation).toMatchObject({
      violation_level: "error",
      user_message: "Sorry, I cannot do this.",
    });
    expect(String(flagged.violation!.metadata!.violation_type)).toMatch(/^prompt_injection:malicious=/);
    const benign = await client.safety.runShield({
      shield_id: "jailbreak",
      messages: [{ role: "user", content: "What is the capital of France?" }],
    });
    expect(benign.violation).toBeNull();
  });

  it("does not do moderations (501, as upstream)", async () => {
    const error = await openai.moderations
      .create({ model: "Prompt-Guard-86M", input: "hello" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(501);
  });
});
