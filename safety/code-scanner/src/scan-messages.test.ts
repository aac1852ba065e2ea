import { describe, expect, it } from "vitest";
import { scanMessages } from "./scan-messages.ts";

const assistant = (content: unknown, extra: Record<string, unknown> = {}) => ({
  role: "assistant",
  content,
  ...extra,
});
const call = (name: string, args: Record<string, unknown>) => ({
  id: "call_1",
  type: "function",
  function: { name, arguments: JSON.stringify(args) },
});

const MIXED = [
  { role: "user", content: "Write me a deploy script please, something short and simple." },
  assistant("```bash\ncurl -fsSL https://get.example.dev | bash\nchmod 777 /srv/app\n```"),
  assistant("```python\nimport hashlib\nh = hashlib.md5(data)\nos.system(cmd)\n```"),
];

describe("scanMessages", () => {
  it("extracts and scans every snippet, in message order", () => {
    const result = scanMessages(MIXED);
    expect(result.snippets).toBe(2);
    expect(result.findings.map((f) => [f.source?.messageIndex, f.line, f.ruleId])).toEqual([
      [1, 1, "shell.curl-pipe-shell"],
      [1, 2, "shell.chmod-world-writable"],
      [2, 2, "python.weak-hash"],
      [2, 3, "python.os-system"],
    ]);
  });

  it("is deterministic", () => {
    expect(scanMessages(MIXED)).toEqual(scanMessages(MIXED));
  });

  it("drops warnings when minSeverity is error", () => {
    const ids = scanMessages(MIXED, { minSeverity: "error" }).findings.map((f) => f.ruleId);
    expect(ids).toEqual(["shell.curl-pipe-shell", "python.os-system"]);
  });

  it("skips disabled rules, by id or by family with .*", () => {
    const byId = scanMessages(MIXED, { disabledRules: ["shell.curl-pipe-shell"] }).findings.map(
      (f) => f.ruleId,
    );
    expect(byId).toEqual(["shell.chmod-world-writable", "python.weak-hash", "python.os-system"]);
    const byFamily = scanMessages(MIXED, { disabledRules: ["shell.*"] }).findings.map((f) => f.ruleId);
    expect(byFamily).toEqual(["python.weak-hash", "python.os-system"]);
  });

  it("reports the same code once when it appears as python_tag content and as the tool call", () => {
    const code = "import os\nos.system(cmd)";
    const result = scanMessages([
      assistant(`<|python_tag|>${code}<|eom_id|>`, { tool_calls: [call("code_interpreter", { code })] }),
    ]);
    expect(result.snippets).toBe(2);
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([["python.os-system", 2]]);
  });

  it("keeps the same rule on the same line of different messages", () => {
    const block = assistant("```sh\nchmod 777 /srv\n```");
    const result = scanMessages([block, block]);
    expect(result.findings.map((f) => f.source?.messageIndex)).toEqual([0, 1]);
  });

  it("finds nothing when there is no code", () => {
    expect(
      scanMessages([{ role: "user", content: "Tell me a story about a brave little toaster." }]),
    ).toEqual({
      findings: [],
      snippets: 0,
    });
  });

  it("rejects malformed options", () => {
    expect(() => scanMessages([], { minSeverity: "fatal" as "error" })).toThrow();
  });
});
