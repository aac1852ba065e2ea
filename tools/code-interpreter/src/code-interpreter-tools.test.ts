import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { TOOL_ERROR, type ToolGroup } from "@llama-stack-ts/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeInterpreterConfigSchema } from "./code-interpreter-config.ts";
import { codeInterpreterTools } from "./code-interpreter-tools.ts";

const CANARY = "code-interpreter-canary-7f3a";
process.env.CODE_INTERPRETER_CANARY = CANARY;

const group: ToolGroup = { identifier: "builtin::code_interpreter", provider_id: "code", type: "tool_group" };
// One pool for the whole file: Pyodide boots once (plus once per attack that gets killed).
const provider = await codeInterpreterTools.create({
  config: CodeInterpreterConfigSchema.parse({
    timeoutMs: 3_000,
    pythonMemoryLimitMb: 400,
    maxOutputBytes: 8_192,
    javascriptMemoryLimitMb: 16,
  }),
} as never);
afterAll(() => provider.shutdown?.());

const invoke = (code: string, language?: "python" | "javascript") =>
  provider.invokeTool(
    { toolName: "code_interpreter", kwargs: { code, ...(language ? { language } : {}) }, toolGroup: group },
    {},
  );

/** Python that reaches JavaScript's Function constructor through a `pyodide.ffi` proxy. */
const throughJs = (js: string) => `
from pyodide.ffi import to_js
F = to_js([]).constructor.constructor
try:
    print("reached:", F(${JSON.stringify(js)})())
except Exception as error:
    print("denied:", error)
`;

describe("code_interpreter: Python", () => {
  it("runs Python and answers in upstream's format", async () => {
    expect(await invoke("print(1 + 1)")).toEqual({
      content: "completed\n[stdout]\n2\n[/stdout]",
      metadata: { language: "python", status: "completed" },
    });
  });

  it("lists the tool under builtin::code_interpreter with python as the default language", async () => {
    const [tool] = await provider.listTools(group, {});
    expect(tool).toMatchObject({ name: "code_interpreter", toolgroup_id: "builtin::code_interpreter" });
    expect(tool!.input_schema).toMatchObject({ properties: { language: { default: "python" } } });
    expect(provider.defaultToolGroups).toEqual(["builtin::code_interpreter"]);
  });

  it("an exception is the code's own failure: a traceback in stderr, not a tool error", async () => {
    const result = await invoke("1 / 0");
    expect(result.content).toMatch(
      /^failed\n\[stderr\]\nTraceback[\s\S]*ZeroDivisionError: division by zero\n\[\/stderr\]$/,
    );
  });

  it("each call gets a fresh namespace, modules, builtins and files", async () => {
    await invoke(
      "secret = 42\nimport builtins, json\nbuiltins.leak = 1\njson.leak = 2\nopen('note.txt', 'w').write('x')",
    );
    const result = await invoke(
      "import builtins, os\nprint('secret' in globals(), hasattr(builtins, 'leak'), os.listdir('.'), os.getcwd())",
    );
    expect(result.content).toBe("completed\n[stdout]\nFalse False [] /scratch\n[/stdout]");
  });

  it("a package Pyodide does not ship fails with a message naming it", async () => {
    const result = await invoke("import numpy as np");
    expect(result.content).toContain(
      "numpy is not available in this sandbox (offline Pyodide ships only the standard library)",
    );
  });
});

describe("code_interpreter: Python attacks", () => {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reads /etc/passwd: not in Python's filesystem, and denied to the JavaScript behind it", async () => {
    expect((await invoke("print(open('/etc/passwd').read())")).content).toContain("FileNotFoundError");
    const js = await invoke(
      throughJs("return process.getBuiltinModule('fs').readFileSync('/etc/passwd', 'utf8')"),
    );
    expect(js.content).toContain("denied: Error: Access to this API has been restricted");
    expect(js.content).not.toContain("root:");
  });

  it("reads environment variables: the process has an empty environment", async () => {
    const result = await invoke(
      `import os\nprint(dict(os.environ))\n${throughJs("return JSON.stringify(process.env)")}`,
    );
    expect(result.content).toContain("reached: {}");
    expect(result.content).not.toContain(CANARY);
  });

  it("spawns a process: unsupported in Python, denied to JavaScript", async () => {
    expect((await invoke("import subprocess\nsubprocess.run(['id'])")).content).toContain(
      "emscripten does not support processes",
    );
    const js = await invoke(
      throughJs("return process.getBuiltinModule('child_process').execSync('id').toString()"),
    );
    expect(js.content).toContain("denied: Error: Access to this API has been restricted");
  });

  it("opens a socket, fetches, listens: nothing reaches the network", async () => {
    const python = await invoke(`import socket\ns = socket.socket()\ns.connect(("127.0.0.1", ${port}))`);
    expect(python.content).toContain("OSError");
    const attempts = [
      `return process.getBuiltinModule('net').connect(${port}, '127.0.0.1')`,
      `return process.getBuiltinModule('http').get('http://127.0.0.1:${port}/')`,
      `return process.getBuiltinModule('net').createServer().listen(0)`,
      `return process.getBuiltinModule('dgram').createSocket('udp4')`,
      `return process.getBuiltinModule('dns').lookup('localhost', () => {})`,
      "return typeof fetch + ' ' + typeof WebSocket",
      // The ESM namespace, asynchronously, after the call returns.
      `import('node:net').then((net) => net.createConnection(${port}, '127.0.0.1')).catch(() => {}); return 'queued'`,
    ];
    const outputs = await Promise.all(attempts.map((js) => invoke(throughJs(js))));
    for (const output of outputs.slice(0, 5))
      expect(output.content).toContain("is not available in the sandbox");
    expect(outputs[5]!.content).toContain("reached: undefined undefined");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(0);
  });

  it("writes outside the scratch directory: denied", async () => {
    const target = `/tmp/code-interpreter-escape-${process.pid}`;
    const js = await invoke(
      throughJs(`process.getBuiltinModule('fs').writeFileSync('${target}', 'x'); return 'written'`),
    );
    expect(js.content).toContain("denied: Error: Access to this API has been restricted");
    expect(existsSync(target)).toBe(false);
  });

  it("a fork or worker bomb, or a signal to the server: each denied", async () => {
    expect((await invoke("import os\nos.fork()")).content).toContain("OSError");
    const worker = await invoke(
      throughJs("return new (process.getBuiltinModule('worker_threads').Worker)('1', { eval: true })"),
    );
    expect(worker.content).toContain("denied: Error: Access to this API has been restricted");
    const signal = await invoke(throughJs(`return process.kill(${process.pid}, 'SIGKILL')`));
    expect(signal.content).toContain("process.kill is not available in the sandbox");
  });

  it("deep recursion is Python's RecursionError", async () => {
    const result = await invoke("def f(n):\n    return f(n + 1)\nf(0)");
    expect(result.content).toContain("RecursionError");
  });

  it("a gigabyte of output is cut at the cap and stops the program", async () => {
    const result = await invoke("line = 'x' * 1_000_000\nfor _ in range(1_000):\n    print(line)");
    expect(result.metadata).toMatchObject({ truncated: true });
    expect(String(result.content)).toContain("[output truncated: the output limit was reached]");
    expect(String(result.content).length).toBeLessThan(20_000);
  });

  it("an infinite loop is killed at the timeout, and the pool replaces the process", async () => {
    expect(await invoke("while True:\n    pass")).toEqual({
      error_code: TOOL_ERROR.timedOut,
      error_message: "The Python code did not finish within 3000 ms.",
      metadata: { language: "python", status: "timed-out" },
    });
    expect((await invoke("print('still here')")).content).toBe("completed\n[stdout]\nstill here\n[/stdout]");
  });

  it("a memory bomb is killed at the memory limit, and the pool replaces the process", async () => {
    expect(await invoke("keep = []\nwhile True:\n    keep.append(bytearray(10_000_000))")).toEqual({
      error_code: TOOL_ERROR.failed,
      error_message: "The Python code used more than 400 MB and was stopped.",
      metadata: { language: "python", status: "out-of-memory" },
    });
    expect((await invoke("print(2 ** 10)")).content).toBe("completed\n[stdout]\n1024\n[/stdout]");
  });
});

describe("code_interpreter: JavaScript", () => {
  it("runs JavaScript in QuickJS with console.log captured", async () => {
    expect(await invoke("console.log(1 + 1)", "javascript")).toEqual({
      content: "completed\n[stdout]\n2\n[/stdout]",
      metadata: { language: "javascript", status: "completed" },
    });
  });

  it("an infinite loop is a tool error at the deadline", async () => {
    expect(await invoke("for (;;) {}", "javascript")).toMatchObject({ error_code: TOOL_ERROR.timedOut });
  });
});
