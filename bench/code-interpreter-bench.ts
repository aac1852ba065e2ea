// The code interpreter: cold start (a Python process booting Pyodide; QuickJS's first call),
// warm `print(1+1)` latency through the tool group, resident memory per warm Python process,
// and issue 11's attack list with each outcome and its time.
// `pnpm bench:code` from the repo root; BENCH_CALLS (50).
import type { ToolGroup, ToolInvocationResult } from "@llama-stack-ts/api";
import {
  CodeInterpreterConfigSchema,
  codeInterpreterTools,
  PythonWorkerProcess,
} from "@llama-stack-ts/code-interpreter";
import { median, percentile, printTable } from "./lib/stats.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 50);
const config = CodeInterpreterConfigSchema.parse({ timeoutMs: 5_000, pythonMemoryLimitMb: 512 });
const group: ToolGroup = { identifier: "builtin::code_interpreter", provider_id: "code", type: "tool_group" };

const coldStarted = performance.now();
const cold = new PythonWorkerProcess({ memoryLimitMb: 512, maxOutputBytes: 65_536 });
await cold.ready;
const pythonCold = performance.now() - coldStarted;
const residentMb = (cold.residentBytes() ?? Number.NaN) / 1024 / 1024;
await cold.kill();

const provider = await codeInterpreterTools.create({ config } as never);
const invoke = (code: string, language = "python") =>
  provider.invokeTool({ toolName: "code_interpreter", kwargs: { code, language }, toolGroup: group }, {});
const timed = async (code: string, language = "python") => {
  const started = performance.now();
  const result = await invoke(code, language);
  return { result, ms: performance.now() - started };
};

// The pool's first call waits for its boot; that is Python's cold start through the tool.
const firstPython = await timed("print(1+1)");
const firstJavaScript = await timed("console.log(1+1)", "javascript");
const warm = { python: [] as number[], javascript: [] as number[] };
for (let i = 0; i < CALLS; i++) {
  warm.python.push((await timed("print(1+1)")).ms);
  warm.javascript.push((await timed("console.log(1+1)", "javascript")).ms);
}

printTable(
  "Code interpreter latency (ms)",
  ["language", "cold start", "first call via tool", "warm p50", "warm p95", "goal"],
  [
    ["python", pythonCold, firstPython.ms, median(warm.python), percentile(warm.python, 95), "warm p50 ≤ 50"],
    [
      "javascript",
      "-",
      firstJavaScript.ms,
      median(warm.javascript),
      percentile(warm.javascript, 95),
      "warm p50 ≤ 50",
    ],
  ],
);
printTable("Memory per warm Python process", ["RSS (MB)"], [[residentMb]]);

const throughJs = (js: string) =>
  `from pyodide.ffi import to_js\ntry:\n    print("reached:", to_js([]).constructor.constructor(${JSON.stringify(js)})())\nexcept Exception as error:\n    print("denied:", error)`;
const attacks: [string, string, string][] = [
  ["read /etc/passwd (Python)", "print(open('/etc/passwd').read())", "python"],
  [
    "read /etc/passwd (JS bridge)",
    throughJs("return process.getBuiltinModule('fs').readFileSync('/etc/passwd','utf8')"),
    "python",
  ],
  ["read environment variables", throughJs("return JSON.stringify(process.env)"), "python"],
  ["spawn a process (Python)", "import subprocess; subprocess.run(['id'])", "python"],
  [
    "spawn a process (JS bridge)",
    throughJs("return process.getBuiltinModule('child_process').execSync('id')"),
    "python",
  ],
  ["open a socket (Python)", "import socket; socket.create_connection(('127.0.0.1', 80))", "python"],
  [
    "open a socket (JS bridge)",
    throughJs("return process.getBuiltinModule('net').connect(80, '127.0.0.1')"),
    "python",
  ],
  ["fetch (JS bridge)", throughJs("return typeof fetch"), "python"],
  [
    "write outside scratch",
    throughJs("process.getBuiltinModule('fs').writeFileSync('/tmp/escape', 'x')"),
    "python",
  ],
  ["fork (Python)", "import os; os.fork()", "python"],
  [
    "worker bomb (JS bridge)",
    throughJs("return new (process.getBuiltinModule('worker_threads').Worker)('1', {eval: true})"),
    "python",
  ],
  ["signal the server", throughJs(`return process.kill(${process.pid}, 'SIGKILL')`), "python"],
  ["deep recursion (Python)", "def f(n): return f(n + 1)\nf(0)", "python"],
  ["gigabyte of output (Python)", "line = 'x' * 10**6\nfor _ in range(1000): print(line)", "python"],
  ["infinite loop (Python)", "while True: pass", "python"],
  ["memory bomb (Python)", "keep = []\nwhile True: keep.append(bytearray(10**7))", "python"],
  ["read host globals (JS)", "console.log(typeof process, typeof require, typeof fetch)", "javascript"],
  ["deep recursion (JS)", "function f(n) { return f(n + 1) + 1 } f(0)", "javascript"],
  [
    "gigabyte of output (JS)",
    "const l = 'x'.repeat(1 << 20); for (let i = 0; i < 1024; i++) console.log(l)",
    "javascript",
  ],
  ["infinite loop (JS)", "while (true) {}", "javascript"],
  ["memory bomb (JS)", "const keep = []; while (true) keep.push(new ArrayBuffer(1 << 20))", "javascript"],
];
const rows: (string | number)[][] = [];
for (const [name, code, language] of attacks) {
  const { result, ms } = await timed(code, language);
  rows.push([name, describe(result), ms]);
}
printTable("Attacks (each denied or stopped; this process unaffected)", ["attack", "outcome", "ms"], rows);
await provider.shutdown?.();

function describe(result: ToolInvocationResult): string {
  if (result.error_code !== undefined) return `tool error ${result.error_code}: ${result.error_message}`;
  const text = String(result.content);
  const last =
    text
      .split("\n")
      .filter((line) => /^[^[\s]/.test(line))
      .at(-1) ?? "";
  return `${text.split("\n")[0]}${result.metadata?.truncated ? " (truncated)" : ""}: ${last.slice(0, 90)}`;
}
