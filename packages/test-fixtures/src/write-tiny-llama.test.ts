import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GgmlType,
  getLlama,
  type Llama,
  Llama3_1ChatWrapper,
  LlamaCompletion,
  type LlamaModel,
  readGgufFileInfo,
  resolveChatWrapper,
  type Token,
} from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeLlama31 } from "./encode-llama31.ts";
import { tinyLlamaPath } from "./tiny-llama-path.ts";
import { writeTinyLlama } from "./write-tiny-llama.ts";

const directory = mkdtempSync(join(tmpdir(), "tiny-llama-"));
let llama: Llama;
let model: LlamaModel;
let modelPath: string;

beforeAll(async () => {
  modelPath = await tinyLlamaPath();
  // One thread: more than the 2 vCPUs' worth makes llama.cpp ~100× slower on small models.
  llama = await getLlama({ gpu: false, build: "never", maxThreads: 1 });
  model = await llama.loadModel({ modelPath });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
  rmSync(directory, { recursive: true, force: true });
});

describe("writeTinyLlama", () => {
  it.each(["Hello world", "  two spaces,\n\nnew lines\tand tabs", "日本語とemoji 🦙!", "x = 12345 + 0.5;"])(
    "tokenizes %j exactly like the Llama 3.1 tokenizer",
    (text) => {
      expect(model.tokenize(text)).toEqual(encodeLlama31(text));
      expect(model.detokenize(model.tokenize(text))).toBe(text);
    },
  );

  it("parses the Llama 3.1 special tokens as single control tokens", () => {
    expect(model.tokenize("<|eom_id|>", true)).toEqual([128_008]);
    expect(model.tokenize("<|python_tag|>", true)).toEqual([128_010]);
    expect(model.tokenize("<|eot_id|>", true)).toEqual([128_009]);
    expect(model.tokenize("<|eom_id|>")).not.toEqual([128_008]); // plain text stays inert
    expect(model.tokens.bos).toBe(128_000);
    expect(model.tokens.eos).toBe(128_009);
    expect(model.isEogToken(128_008 as Token)).toBe(true);
  });

  it("looks like Llama 3.1 to node-llama-cpp", () => {
    expect(model.fileInfo.metadata.general.name).toBe("Tiny Llama 3.1 test model");
    expect(model.trainContextSize).toBe(2048);
    expect(model.embeddingVectorSize).toBe(64);
    expect(resolveChatWrapper(model)).toBeInstanceOf(Llama3_1ChatWrapper);
  });

  it("generates tokens", async () => {
    const context = await model.createContext({ contextSize: 256 });
    try {
      const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
      const result = await completion.generateCompletionWithMeta("Once upon a time", {
        maxTokens: 8,
        seed: 1,
      });
      expect(["maxTokens", "eogToken"]).toContain(result.metadata.stopReason);
    } finally {
      await context.dispose();
    }
  });

  it("writes byte-identical files for the same options", async () => {
    const again = join(directory, "again.gguf");
    await writeTinyLlama(again);
    const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(hash(again)).toBe(hash(modelPath));
  });

  it("applies its options", async () => {
    const path = join(directory, "options.gguf");
    await writeTinyLlama(path, { contextLength: 4096, embeddingLength: 32, sizeLabel: "1B", f32: true });
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.architectureMetadata).toMatchObject({ context_length: 4096, embedding_length: 32 });
    expect(info.metadata.general).toMatchObject({ size_label: "1B", file_type: 0 });
    expect(info.tensorInfo?.find((tensor) => tensor.name === "output.weight")).toMatchObject({
      dimensions: [32, 128_256],
      ggmlType: GgmlType.F32,
    });
  });
});
