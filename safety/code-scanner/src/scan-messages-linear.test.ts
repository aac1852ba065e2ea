import { describe, expect, it } from "vitest";
import { scanMessages } from "./scan-messages.ts";

// Inputs that were quadratic (a 100 KB fenced block of `eval(` took 12 s): overlapping unclosed
// calls, operator chains, one long line of tokens, statements without `;`. Growth is checked as a
// ratio of the fastest of three runs, so a busy machine moves both sides; quadratic was 14-47x for 4x.
const SHAPES: Array<[string, string]> = [
  ["javascript", "eval("],
  ["python", "eval(\n"],
  ["javascript", "x.innerHTML = a\n+"],
  ["javascript", '"SELECT a FROM b" + '],
  ["python", "def f(verify=False) "],
  ["shell", "curl "],
  ["sql", ":= a +"],
  ["sql", "GRANT ALL ON "],
  ["", "sk-"],
  ["", "def f()->)"],
];

function fastestScan(language: string, unit: string, bytes: number): number {
  const body = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const content = `\`\`\`${language}\n${body}\n\`\`\``;
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    scanMessages([{ role: "user", content: `${content}${run}` }]);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

describe("scanMessages on hostile input", () => {
  it.each(SHAPES)("grows linearly for a %s block of %j", (language, unit) => {
    const small = fastestScan(language, unit, 32 * 1024);
    const large = fastestScan(language, unit, 128 * 1024);
    // 4x the input: linear is ~4x; allow 8x (plus 20 ms for timer noise on tiny times).
    expect(large).toBeLessThan(small * 8 + 20);
  });
});
