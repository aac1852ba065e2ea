import type { ApiCall, ChatCompletion, ChatCompletionRequest } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { askGuardModel, type GuardInference } from "./ask-guard-model.ts";
import { verdictGrammar } from "./verdict-grammar.ts";

// The real engine is exercised in llama-guard-shield.test.ts; this pins the exact request sent,
// which a served model cannot show (verdicts are not stored).
function recorder(answer: Partial<ChatCompletion["choices"][number]>) {
  const seen: { request: ChatCompletionRequest; call: ApiCall }[] = [];
  const inference: GuardInference = {
    async chatCompletion(request, call) {
      seen.push({ request, call });
      return {
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 0,
        model: request.model,
        choices: [
          { index: 0, finish_reason: "stop", message: { role: "assistant", content: "safe" }, ...answer },
        ],
      };
    },
  };
  return { inference, seen };
}

const base = {
  model: "Llama-Guard-3-1B",
  prompt: "Task: …",
  categories: ["S1", "S2"] as const,
};

describe("askGuardModel", () => {
  it("sends one greedy, unstored, grammar-constrained request as the Stack on the caller's behalf", async () => {
    const { inference, seen } = recorder({});
    const signal = new AbortController().signal;
    const answer = await askGuardModel({
      ...base,
      inference,
      config: { constrain_output: true, score: false, max_tokens: 48 },
      call: { principal: "alice", signal, providerData: { key: "value" } },
    });
    expect(answer).toEqual({ text: "safe" });
    expect(seen).toEqual([
      {
        request: {
          model: "Llama-Guard-3-1B",
          messages: [{ role: "user", content: "Task: …" }],
          stream: false,
          store: false,
          temperature: 0,
          max_tokens: 48,
          grammar: verdictGrammar(["S1", "S2"]),
        },
        call: { access: { principal: "alice", enforced: false }, signal, providerData: { key: "value" } },
      },
    ]);
  });

  it("asks for logprobs when scoring and reads P(unsafe) at the first verdict token", async () => {
    const top = (pairs: [string, number][]) =>
      pairs.map(([token, p]) => ({ token, logprob: Math.log(p), bytes: null }));
    const { inference, seen } = recorder({
      message: { role: "assistant", content: "\n\nunsafe\nS1" },
      logprobs: {
        content: [
          { token: "\n\n", logprob: 0, bytes: null, top_logprobs: top([["\n\n", 1]]) },
          {
            token: "unsafe",
            logprob: Math.log(0.6),
            bytes: null,
            top_logprobs: top([
              ["unsafe", 0.6],
              ["safe", 0.3],
              ["The", 0.1],
            ]),
          },
        ],
      },
    });
    const answer = await askGuardModel({
      ...base,
      inference,
      config: { constrain_output: false, score: true, max_tokens: 20 },
      call: {},
    });
    expect(seen[0]?.request).toMatchObject({ logprobs: true, top_logprobs: 5, max_tokens: 20 });
    expect(seen[0]?.request.grammar).toBeUndefined();
    expect(seen[0]?.call.access).toEqual({ principal: null, enforced: false });
    expect(answer.text).toBe("\n\nunsafe\nS1");
    expect(answer.unsafeProbability).toBeCloseTo(0.6 / 0.9, 10);
  });

  it("fails with a 502 when the model returns no text", async () => {
    const { inference } = recorder({ message: { role: "assistant", content: null } });
    const asking = askGuardModel({
      ...base,
      inference,
      config: { constrain_output: true, score: false, max_tokens: 48 },
      call: {},
    });
    await expect(asking).rejects.toMatchObject({ kind: "upstream", code: "invalid_guard_verdict" });
  });
});
