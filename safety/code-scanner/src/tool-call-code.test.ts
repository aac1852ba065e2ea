import { describe, expect, it } from "vitest";
import { languageFromToolName, toolCallCode } from "./tool-call-code.ts";

describe("languageFromToolName", () => {
  it.each([
    ["code_interpreter", "python"],
    ["python", "python"],
    ["runPython", "python"],
    ["bash", "shell"],
    ["run_command", "shell"],
    ["execute_shell", "shell"],
    ["sql", "sql"],
    ["run_query", "sql"],
    ["queryDatabase", "sql"],
    ["run_javascript", "javascript"],
  ] as const)("%s → %s", (name, language) => {
    expect(languageFromToolName(name)).toBe(language);
  });

  it.each(["brave_search", "web_search_query", "get_weather", ""])("%s → no hint", (name) => {
    expect(languageFromToolName(name)).toBeUndefined();
  });
});

describe("toolCallCode", () => {
  it("takes code-like keys, including suffixed, plural and nested ones", () => {
    const args = JSON.stringify({
      python_code: "import os",
      commands: ["ls", "pwd"],
      options: { script: "echo nested" },
      description: "not code",
    });
    expect(toolCallCode("tool", args).map((s) => s.code)).toEqual(["import os", "ls", "pwd", "echo nested"]);
  });

  it("takes the language from the key when the tool name gives none, else guesses", () => {
    const args = JSON.stringify({
      sql: "x",
      cmd: "y",
      query: "SELECT id FROM users WHERE id = 1",
      code: "hello",
    });
    expect(toolCallCode("do_it", args).map((s) => s.language)).toEqual(["sql", "shell", "sql", "unknown"]);
  });

  it("uses a JSON string value, or raw non-JSON arguments, as the code", () => {
    expect(toolCallCode("python", JSON.stringify("print(1)"))).toEqual([
      { language: "python", code: "print(1)" },
    ]);
    expect(toolCallCode("bash", "rm -rf ./tmp")).toEqual([{ language: "shell", code: "rm -rf ./tmp" }]);
  });

  it("accepts already-parsed argument objects and ignores empty or missing code", () => {
    expect(toolCallCode("bash", { command: "whoami" })).toEqual([{ language: "shell", code: "whoami" }]);
    expect(toolCallCode("bash", { command: "  " })).toEqual([]);
    expect(toolCallCode("bash", undefined)).toEqual([]);
    expect(toolCallCode("get_weather", JSON.stringify({ city: "Paris" }))).toEqual([]);
  });
});
