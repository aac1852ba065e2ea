import { describe, expect, it } from "vitest";
import { detectLlamaFamily } from "./llama-family.ts";
import { defaultToolPromptFormat } from "./tool-prompt-format.ts";

describe("detectLlamaFamily", () => {
  it.each([
    ["Llama-3.2-1B-Instruct", "llama3_2"],
    ["meta-llama/Llama-3.3-70B-Instruct", "llama3_3"],
    ["Llama 3.1 8B", "llama3_1"],
    ["llama3.1:8b", "llama3_1"],
    ["Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "llama3_1"],
    ["hf_bartowski_Llama-3.2-3B-Instruct.Q4_K_M.gguf", "llama3_2"],
    ["llama3_3", "llama3_3"],
    ["Llama-Guard-3-1B", "llama3_2"],
    ["Llama-Guard-3-8B", "llama3_1"],
    ["Llama-3.2-11B-Vision-Instruct", "llama3_1"],
  ] as const)("%s → %s", (name, family) => {
    expect(detectLlamaFamily(name)).toBe(family);
  });

  it.each(["Meta-Llama-3-8B-Instruct", "Qwen2.5-7B", "llama-2-13b", "mistral", ""])("%s → null", (name) => {
    expect(detectLlamaFamily(name)).toBeNull();
  });
});

describe("defaultToolPromptFormat", () => {
  it("is json for 3.1 and python_list for 3.2 and 3.3", () => {
    expect(defaultToolPromptFormat("llama3_1")).toBe("json");
    expect(defaultToolPromptFormat("llama3_2")).toBe("python_list");
    expect(defaultToolPromptFormat("llama3_3")).toBe("python_list");
  });
});
