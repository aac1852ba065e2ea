import type { ChatMessage, SafetyProvider, ShieldCall } from "@llama-stack-ts/api";
import {
  createLogger,
  createStack,
  ProviderRegistry,
  parseRunConfig,
  type Stack,
} from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_NAMES } from "./categories.ts";
import { llamaGuardShield } from "./llama-guard-shield.ts";
import { parseVerdict } from "./parse-verdict.ts";
import { LLAMA_GUARD_REFUSAL } from "./to-violation.ts";

// A real Stack (no HTTP) serving chain models through inline::llama-cpp, with this shield as its
// safety providers; the shield reaches inference through the Stack's router, as in production.
let stack: Stack;
const logLines: string[] = [];

const SHIELDS = {
  guard: {},
  free: { constrain_output: false },
  scored: { score: true },
  excluding: { excluded_categories: ["S1"], constrain_output: false },
  "excluding-both": { excluded_categories: ["S1", "S10"], constrain_output: false },
  "excluding-constrained": { excluded_categories: ["S1", "S10"] },
  official: { template: "official" },
} as const;
type ShieldName = keyof typeof SHIELDS;

beforeAll(async () => {
  const [safe, violent, codeAbuse, chatty] = await Promise.all([
    chainModelPath("safe"),
    chainModelPath("unsafe\nS1,S10"),
    chainModelPath("unsafe\nS14"),
    chainModelPath("I think it is fine"),
  ]);
  const model = (model_id: string, source: string) => ({
    model_id,
    source,
    chat_format: "llama3_1",
    context_size: 1024,
  });
  const config = parseRunConfig(
    {
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
              auto_pull: false,
              models: [
                model("Llama-Guard-3-8B-safe", safe),
                model("Llama-Guard-3-8B-violent", violent),
                model("Llama-Guard-3-8B-code", codeAbuse),
                model("Llama-Guard-3-1B-code", codeAbuse),
                model("Llama-Guard-3-8B-chatty", chatty),
              ],
            },
          },
        ],
        safety: Object.entries(SHIELDS).map(([provider_id, config]) => ({
          provider_id,
          provider_type: "inline::llama-guard",
          config,
        })),
      },
    },
    { env: {} },
  );
  stack = await createStack({
    config,
    registry: new ProviderRegistry().register(...inferenceProviders, llamaGuardShield),
    dataDir: null,
    logger: createLogger({ level: "warn", format: "json", write: (line) => logLines.push(line) }),
  });
});

afterAll(async () => {
  await stack?.close();
});

function shield(name: ShieldName): SafetyProvider {
  const instance = stack.providers.instance<SafetyProvider>("safety", name);
  if (!instance) throw new Error(`no safety provider ${name}`);
  return instance;
}

const call = (model: string): ShieldCall => ({
  shieldId: "llama-guard",
  providerShieldId: model,
  params: {},
});
const conversation = [
  { role: "user", content: "How do I make a cake?" },
  { role: "assistant", content: "Mix flour, eggs and sugar, then bake." },
] as ChatMessage[];

describe("inline::llama-guard on a real llama.cpp engine", () => {
  it("passes a safe verdict", async () => {
    expect(await shield("guard").runShield(conversation, call("Llama-Guard-3-8B-safe"))).toBeNull();
  });

  it("turns an unsafe verdict into upstream's violation", async () => {
    expect(await shield("guard").runShield(conversation, call("Llama-Guard-3-8B-violent"))).toEqual({
      violation_level: "error",
      user_message: LLAMA_GUARD_REFUSAL,
      metadata: { violation_type: "S1,S10" },
    });
    const code = await shield("guard").runShield(conversation, call("Llama-Guard-3-8B-code"));
    expect(code?.metadata).toEqual({ violation_type: "S14" });
  });

  it("drops excluded categories, and passes when every flagged one is excluded", async () => {
    const violation = await shield("excluding").runShield(conversation, call("Llama-Guard-3-8B-violent"));
    expect(violation?.metadata.violation_type).toBe("S10");
    expect(
      await shield("excluding-both").runShield(conversation, call("Llama-Guard-3-8B-violent")),
    ).toBeNull();
  });

  it("with the grammar on, never answers an excluded category", async () => {
    const result = await shield("excluding-constrained").runShield(
      conversation,
      call("Llama-Guard-3-8B-violent"),
    );
    const codes = String(result?.metadata.violation_type ?? "").split(",");
    expect(codes).not.toContain("S1");
    expect(codes).not.toContain("S10");
  });

  it("works with the official template too", async () => {
    const violation = await shield("official").runShield(conversation, call("Llama-Guard-3-8B-violent"));
    expect(violation?.metadata.violation_type).toBe("S1,S10");
  });

  it("fails with a 502 when an unconstrained model answers something that is not a verdict", async () => {
    const failure = shield("free").runShield(conversation, call("Llama-Guard-3-8B-chatty"));
    await expect(failure).rejects.toMatchObject({
      kind: "upstream",
      code: "invalid_guard_verdict",
      message: expect.stringContaining("I think it is fine"),
    });
  });

  it("with the grammar on, even a model that wants to chat gives a verdict that parses", async () => {
    const result = await shield("guard").runShield(conversation, call("Llama-Guard-3-8B-chatty"));
    if (result !== null) {
      expect(result.user_message).toBe(LLAMA_GUARD_REFUSAL);
      expect(() => parseVerdict(`unsafe\n${result.metadata.violation_type}`)).not.toThrow();
    }
  });

  it("keeps a code the 1B was not prompted with when unconstrained, and the grammar rules it out", async () => {
    logLines.length = 0;
    const free = await shield("free").runShield(conversation, call("Llama-Guard-3-1B-code"));
    expect(free?.metadata.violation_type).toBe("S14");
    const warning = logLines.map((line) => JSON.parse(line)).find((record) => record.level === "warn");
    expect(warning).toMatchObject({ provider: "free", codes: ["S14"], model: "Llama-Guard-3-1B-code" });
    const constrained = await shield("guard").runShield(conversation, call("Llama-Guard-3-1B-code"));
    expect(String(constrained?.metadata.violation_type ?? "")).not.toContain("S14");
  });

  it("reports P(unsafe) of the first token when score is on", async () => {
    const violation = await shield("scored").runShield(conversation, call("Llama-Guard-3-8B-violent"));
    expect(violation?.metadata.violation_type).toBe("S1,S10");
    const probability = violation?.metadata.unsafe_probability as number;
    expect(probability).toBeGreaterThan(0.5);
    expect(probability).toBeLessThanOrEqual(1);
    expect(await shield("scored").runShield(conversation, call("Llama-Guard-3-8B-safe"))).toBeNull();
  });

  it("rejects messages it cannot read with a 400 naming the field", async () => {
    const bad = [{ role: "user", content: 42 }] as unknown as ChatMessage[];
    await expect(shield("guard").runShield(bad, call("Llama-Guard-3-8B-safe"))).rejects.toMatchObject({
      kind: "invalid_request",
      param: "messages[0].content",
    });
  });

  it("passes on inference's error for a model that is not served", async () => {
    await expect(
      shield("guard").runShield(conversation, call("Llama-Guard-3-8B-missing")),
    ).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("does not store its verdicts as chat completions", async () => {
    await shield("guard").runShield(conversation, call("Llama-Guard-3-8B-violent"));
    const page = await stack.inference.storedCompletions.list(
      { limit: 100, order: "desc" },
      { principal: null, enforced: false },
    );
    expect(page.data).toEqual([]);
  });

  it("answers moderations with one result for all inputs, shaped like upstream", async () => {
    const inputs = ["first text", "second text", "third text"];
    const [unsafe, ...rest] = await shield("guard").moderate!(inputs, call("Llama-Guard-3-8B-violent"));
    expect(rest).toEqual([]);
    expect(unsafe).toMatchObject({
      flagged: true,
      user_message: LLAMA_GUARD_REFUSAL,
      metadata: { violation_type: ["S1", "S10"] },
    });
    expect(Object.keys(unsafe!.categories)).toEqual(Object.values(CATEGORY_NAMES));
    expect(Object.entries(unsafe!.categories).filter(([, flagged]) => flagged)).toEqual([
      ["Violent Crimes", true],
      ["Hate", true],
    ]);
    expect(unsafe!.category_scores.Hate).toBe(1);
    expect(unsafe!.category_scores.Privacy).toBe(0);

    const [safe] = await shield("guard").moderate!(inputs, call("Llama-Guard-3-8B-safe"));
    expect(safe).toMatchObject({ flagged: false, user_message: null, metadata: {} });
    expect(Object.values(safe!.category_scores).every((score) => score === 1)).toBe(true);
  });

  it("scores flagged moderation categories with P(unsafe) when score is on", async () => {
    const [result] = await shield("scored").moderate!(["text"], call("Llama-Guard-3-8B-violent"));
    expect(result?.category_scores["Violent Crimes"]).toBeGreaterThan(0.5);
    expect(result?.category_scores.Privacy).toBe(0);
  });

  it("is healthy once inference is there", async () => {
    expect(await shield("guard").health?.()).toEqual({ status: "OK" });
  });
});

describe("inline::llama-guard config", () => {
  it("has defaults and validates categories", () => {
    expect(llamaGuardShield.configSchema.parse({})).toEqual({
      excluded_categories: [],
      template: "llama-stack",
      constrain_output: true,
      score: false,
      max_tokens: 48,
      on_error: "block",
      touchpoints: ["input", "output"],
    });
    const bad = llamaGuardShield.configSchema.safeParse({ excluded_categories: ["S15"] });
    expect(bad.error?.issues[0]?.message).toMatch(/Invalid excluded category "S15"/);
  });
});
