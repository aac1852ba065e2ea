import {
  getLlama,
  type Llama,
  LlamaCompletion,
  type LlamaModel,
  LlamaText,
  SpecialTokensText,
  type Token,
} from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainModelPath } from "./chain-model-path.ts";
import { chainTokens } from "./chain-tokens.ts";
import { encodeLlama31 } from "./encode-llama31.ts";

const userTurn = (text: string) =>
  LlamaText([
    new SpecialTokensText("<|start_header_id|>user<|end_header_id|>\n\n"),
    text,
    new SpecialTokensText("<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"),
  ]);

let llama: Llama;
const models: LlamaModel[] = [];

async function loadChainModel(...args: Parameters<typeof chainModelPath>): Promise<LlamaModel> {
  const model = await llama.loadModel({ modelPath: await chainModelPath(...args) });
  models.push(model);
  return model;
}

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", maxThreads: 1 });
});

afterAll(async () => {
  for (const model of models) await model.dispose();
  await llama?.dispose();
});

describe("writeChainModel", () => {
  it("answers exactly the programmed text, then stops on <|eot_id|>", async () => {
    const text = "Hello! I am a tiny test model.";
    const model = await loadChainModel(text);
    const context = await model.createContext({ contextSize: 256 });
    try {
      const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
      const result = await completion.generateCompletionWithMeta(userTurn("Who are you?"), {
        maxTokens: 50,
        temperature: 0,
      });
      expect(result.response).toBe(text);
      expect(result.metadata.stopReason).toBe("eogToken");
    } finally {
      await context.dispose();
    }
  });

  it("emits special tokens and ends with <|eom_id|> when asked", async () => {
    const call = 'brave_search.call(query="weather in Paris")';
    const model = await loadChainModel([{ special: "<|python_tag|>" }, call], { endToken: "eom" });
    const context = await model.createContext({ contextSize: 256 });
    try {
      const prompt = [model.tokens.bos!, ...model.tokenize(userTurn("Weather?").toString(), true)];
      const generated: Token[] = [];
      // The high-level APIs swallow the EOG token; the sequence API can yield it.
      for await (const token of context
        .getSequence()
        .evaluate(prompt, { temperature: 0, yieldEogToken: true })) {
        generated.push(token);
        if (model.isEogToken(token) || generated.length > 40) break;
      }
      expect(generated).toEqual([128_010, ...encodeLlama31(call), 128_008]);
    } finally {
      await context.dispose();
    }
  });
});

describe("chainTokens", () => {
  it("starts after the header's \\n\\n and ends with the end token", () => {
    expect(chainTokens("Hello world")).toEqual([271, 9906, 1917, 128_009]);
    expect(chainTokens("Hello world", "eom")).toEqual([271, 9906, 1917, 128_008]);
  });

  it("rejects texts where a token would need two successors, naming the token", () => {
    expect(() => chainTokens(" one two one three")).toThrow(/token \d+ "Ġone" with different successors/);
    expect(() => chainTokens("a\n\nb")).toThrow(/token 271 "ĊĊ"/);
  });

  it("rejects unknown special tokens", () => {
    expect(() => chainTokens([{ special: "<|nope|>" }])).toThrow("<|nope|> is not a Llama 3.1 special token");
  });
});
