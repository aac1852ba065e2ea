import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import {
  getLlama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTokens } from "./generate-tokens.ts";

// One sequence, so every call finds the previous one's cache (a real pool picks the best of several).
let model: LlamaModel;
let context: LlamaContext;
let sequence: LlamaContextSequence;
beforeAll(async () => {
  const llama = await getLlama({ gpu: false, build: "never" });
  model = await llama.loadModel({ modelPath: await tinyLlamaPath() });
  context = await model.createContext({ contextSize: 512, sequences: 1, threads: 1 });
  sequence = context.getSequence();
});
afterAll(async () => {
  await context?.dispose();
  await model?.dispose();
});

/**
 * Greedy generation on the shared sequence, with the tokens the engine evaluated by its own meter
 * (which splits them into "input" and "output" by whether their logits were read).
 */
async function run(prompt: Token[], maxTokens: number) {
  const before = sequence.tokenMeter.getState();
  const generation = generateTokens(model, sequence, {
    prompt,
    maxTokens,
    sampling: { temperature: 0, topP: 1 },
  });
  const tokens: Token[] = [];
  let step = await generation.next();
  while (!step.done) {
    tokens.push(step.value.token);
    step = await generation.next();
  }
  const metered = sequence.tokenMeter.diff(before);
  return { tokens, end: step.value, evaluated: metered.usedInputTokens + metered.usedOutputTokens };
}

describe("generateTokens and the prefix cache", () => {
  it("reports as cached exactly the prompt tokens the engine did not evaluate again", async () => {
    const prompt = model.tokenize("Once upon a time a llama lived in the hills");
    const first = await run(prompt, 3);
    expect(first.end.cachedTokens).toBe(0);
    expect(first.evaluated - (first.tokens.length - 1)).toBe(prompt.length);
    // A follow-up turn: the first prompt, its answer, then new text.
    const followUp = [...prompt, ...first.tokens, ...model.tokenize(" and then it learned to code")];
    const second = await run(followUp, 3);
    expect(second.end.promptTokens).toBe(followUp.length);
    expect(second.end.cachedTokens).toBeGreaterThan(prompt.length);
    // The engine evaluated the uncached prompt tokens, then each generated token but the last (fed back).
    expect(second.evaluated - (second.tokens.length - 1)).toBe(followUp.length - second.end.cachedTokens);
    // The same prompt again: all but its last token (evaluated again for the next logits) is reused.
    const again = await run(followUp, 3);
    expect(again.end.cachedTokens).toBe(followUp.length - 1);
    expect(again.evaluated - (again.tokens.length - 1)).toBe(1);
  });

  it("reuses nothing past the first token that differs", async () => {
    const a = model.tokenize("Hello there, llama");
    const b = model.tokenize("Hello where, llama");
    let shared = 0;
    while (a[shared] === b[shared]) shared++;
    expect(shared).toBeGreaterThan(0);
    expect((await run(a, 1)).end.cachedTokens).toBe(0);
    expect((await run(b, 1)).end.cachedTokens).toBe(shared);
  });
});
