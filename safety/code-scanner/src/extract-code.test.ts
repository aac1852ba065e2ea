import { describe, expect, it } from "vitest";
import { extractCode } from "./extract-code.ts";

const user = (content: unknown) => ({ role: "user", content });
const assistant = (content: unknown, extra: Record<string, unknown> = {}) => ({
  role: "assistant",
  content,
  ...extra,
});
const call = (name: string, args: unknown) => ({
  id: "call_1",
  type: "function",
  function: { name, arguments: args },
});

describe("extractCode", () => {
  it("takes a fenced block with its info-string language", () => {
    const snippets = extractCode([
      assistant("Run this:\n\n```python\nimport os\nprint(os.getcwd())\n```\nDone."),
    ]);
    expect(snippets).toEqual([
      {
        language: "python",
        code: "import os\nprint(os.getcwd())",
        source: { messageIndex: 0, kind: "fenced" },
      },
    ]);
  });

  it("guesses the language of a fence without an info string and leaves unknown ones unknown", () => {
    const snippets = extractCode([
      assistant("```\nsudo apt-get update\nsudo apt-get install -y git\n```\n```yaml\nkey: value\n```"),
    ]);
    expect(snippets.map((s) => s.language)).toEqual(["shell", "unknown"]);
  });

  it("reads tilde fences, longer fences and indented fences in list items", () => {
    const text = [
      "1. First:",
      "   ~~~bash",
      "   rm -rf ./build",
      "   ~~~",
      "````js",
      "const s = '```';",
      "````",
    ].join("\n");
    const snippets = extractCode([assistant(text)]);
    expect(snippets.map((s) => [s.language, s.code])).toEqual([
      ["shell", "rm -rf ./build"],
      ["javascript", "const s = '```';"],
    ]);
  });

  it("returns several blocks of one message in order, skipping empty ones", () => {
    const snippets = extractCode([assistant("```sql\nSELECT 1;\n```\n```py\n\n```\n```sh\nls\n```")]);
    expect(snippets.map((s) => s.code)).toEqual(["SELECT 1;", "ls"]);
  });

  it("runs an unclosed fence to the end of the message", () => {
    const snippets = extractCode([assistant("```python\nimport pickle\npickle.loads(blob)")]);
    expect(snippets[0]?.code).toBe("import pickle\npickle.loads(blob)");
  });

  it("reads text parts of array content and ignores other parts", () => {
    const snippets = extractCode([
      user([
        { type: "image_url", image_url: { url: "https://example.dev/x.png" } },
        { type: "text", text: "```bash\nchmod 777 /srv\n```" },
      ]),
    ]);
    expect(snippets).toEqual([
      { language: "shell", code: "chmod 777 /srv", source: { messageIndex: 0, kind: "fenced" } },
    ]);
  });

  it("takes Llama <|python_tag|> code as a python tool call, up to the end token", () => {
    const snippets = extractCode([assistant("<|python_tag|>import os\nos.system(cmd)<|eom_id|>")]);
    expect(snippets).toEqual([
      {
        language: "python",
        code: "import os\nos.system(cmd)",
        source: { messageIndex: 0, kind: "tool_call" },
      },
    ]);
  });

  it("takes code fields of JSON tool-call arguments with the language the tool name implies", () => {
    const snippets = extractCode([
      assistant(null, {
        tool_calls: [
          call("code_interpreter", JSON.stringify({ code: "print(1)" })),
          call("run_command", JSON.stringify({ command: "ls -la", timeout: 10 })),
          call("query_database", JSON.stringify({ sql: "SELECT 1" })),
        ],
      }),
    ]);
    expect(snippets).toEqual([
      { language: "python", code: "print(1)", source: { messageIndex: 0, kind: "tool_call" } },
      { language: "shell", code: "ls -la", source: { messageIndex: 0, kind: "tool_call" } },
      { language: "sql", code: "SELECT 1", source: { messageIndex: 0, kind: "tool_call" } },
    ]);
  });

  it("scans a message that is entirely code as one inline snippet", () => {
    const snippets = extractCode([user("import subprocess\nsubprocess.run(cmd, shell=True)\nprint('done')")]);
    expect(snippets).toEqual([
      {
        language: "python",
        code: "import subprocess\nsubprocess.run(cmd, shell=True)\nprint('done')",
        source: { messageIndex: 0, kind: "inline" },
      },
    ]);
  });

  it("finds nothing in prose, in messages mostly prose, or in malformed messages", () => {
    expect(
      extractCode([
        user("How do I list files? I tried a few things and none of them worked for me."),
        user("Can you explain what this line does in more detail please?\nimport os"),
        assistant("Sure, here is an explanation without any code in it at all."),
        null,
        "not a message",
        { role: "tool", content: 42 },
        assistant(null, { tool_calls: "nope" }),
      ]),
    ).toEqual([]);
  });

  it("keeps message indexes and puts content snippets before tool-call snippets", () => {
    const snippets = extractCode([
      user("hello there, this is just a greeting message"),
      assistant("```sh\necho hi\n```", { tool_calls: [call("bash", '{"cmd":"whoami"}')] }),
    ]);
    expect(snippets.map((s) => [s.source.messageIndex, s.source.kind, s.code])).toEqual([
      [1, "fenced", "echo hi"],
      [1, "tool_call", "whoami"],
    ]);
  });
});
