import { afterEach, describe, expect, it } from "vitest";
import { type MessageScanner, messageScanner } from "./message-scanner.ts";
import { NOT_SCANNED_RULE_ID } from "./not-scanned-finding.ts";
import { scanMessages } from "./scan-messages.ts";

const hostile = (kb: number) => [
  { role: "user", content: `\`\`\`javascript\n${"eval(".repeat((kb * 1024) / 5)}\n\`\`\`` },
];
let scanner: MessageScanner | undefined;

afterEach(async () => {
  await scanner?.close();
});

describe("messageScanner", () => {
  it("scans a large input in a worker with the same findings as an inline scan", async () => {
    scanner = messageScanner({}, { offThreadChars: 1024, timeoutMs: 30_000 });
    const messages = [
      ...hostile(64),
      { role: "user", content: "```python\nimport os\nos.system('rm ' + path)\n```" },
    ];
    const findings = await scanner.scan(messages);
    expect(findings).toEqual(scanMessages(messages).findings);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["javascript.eval", "python.os-system"]);
  });

  it("scans a small input inline, with the options given", async () => {
    scanner = messageScanner({ disabledRules: ["python.*"] }, { offThreadChars: 1024, timeoutMs: 1 });
    // A 1 ms limit would refuse anything sent to a worker (its start alone takes longer).
    const findings = await scanner.scan([
      { role: "user", content: "```python\nos.system(cmd)\neval(x)\n```" },
    ]);
    expect(findings).toEqual([]);
  });

  it("refuses the input, not passes it, when the scan runs past its time limit", async () => {
    scanner = messageScanner({}, { offThreadChars: 0, timeoutMs: 1 });
    const findings = await scanner.scan([{ role: "user", content: "print('hello')" }]);
    expect(findings).toMatchObject([{ ruleId: NOT_SCANNED_RULE_ID, severity: "error" }]);
    expect(findings[0]?.message).toContain("could not be scanned within 1 ms");
  });
});
