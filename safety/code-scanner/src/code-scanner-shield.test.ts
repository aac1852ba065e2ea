import type { ProviderContext, SafetyProvider, ShieldCall } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { codeScannerShield } from "./code-scanner-shield.ts";

const call: ShieldCall = { shieldId: "code-scanner", providerShieldId: "code-scanner", params: {} };

async function shield(config: Record<string, unknown> = {}): Promise<SafetyProvider> {
  const parsed = codeScannerShield.configSchema.parse(config);
  return codeScannerShield.create({ config: parsed } as ProviderContext<typeof parsed>);
}

const UNSAFE_PYTHON = [
  { role: "user", content: "Write a script that runs the command the user typed." },
  {
    role: "assistant",
    content: "Here you go:\n```python\nimport os\nuser_input = input()\nos.system(user_input)\n```",
  },
];

describe("inline::code-scanner shield", () => {
  it("is a safety provider module of type inline::code-scanner", () => {
    expect(codeScannerShield.api).toBe("safety");
    expect(codeScannerShield.providerType).toBe("inline::code-scanner");
  });

  it("reports os.system(user_input) as an error violation naming the rule", async () => {
    const violation = await (await shield()).runShield(UNSAFE_PYTHON as never, call);
    expect(violation).toEqual({
      violation_level: "error",
      user_message: "Sorry, I found security concerns in the code.",
      metadata: {
        violation_type: "python.os-system",
        findings: [
          {
            rule_id: "python.os-system",
            severity: "error",
            message: expect.stringContaining("os.system()"),
            line: 3,
            language: "python",
            message_index: 1,
          },
        ],
      },
    });
  });

  it("passes safe code", async () => {
    const messages = [
      {
        role: "assistant",
        content: "```python\nimport subprocess\nsubprocess.run(['ls', '-l'], check=True)\n```",
      },
    ];
    expect(await (await shield()).runShield(messages as never, call)).toBeNull();
  });

  it("passes prose without code", async () => {
    const messages = [{ role: "user", content: "What's a good name for a cat?" }];
    expect(await (await shield()).runShield(messages as never, call)).toBeNull();
  });

  it("makes warnings alone a warn violation, and drops them with min_severity error", async () => {
    const messages = [
      { role: "assistant", content: "```python\nimport hashlib\nh = hashlib.md5(data)\n```" },
    ];
    const warned = await (await shield()).runShield(messages as never, call);
    expect(warned?.violation_level).toBe("warn");
    expect(warned?.metadata.violation_type).toBe("python.weak-hash");
    expect(await (await shield({ min_severity: "error" })).runShield(messages as never, call)).toBeNull();
  });

  it("joins distinct rule ids in order, each once", async () => {
    const messages = [
      { role: "assistant", content: "```python\nos.system(a)\nos.system(b)\nh = hashlib.md5(data)\n```" },
    ];
    const violation = await (await shield()).runShield(messages as never, call);
    expect(violation?.violation_level).toBe("error");
    expect(violation?.metadata.violation_type).toBe("python.os-system,python.weak-hash");
    expect(violation?.metadata.findings).toHaveLength(3);
  });

  it("skips disabled rules, by id and by family", async () => {
    expect(
      await (await shield({ disabled_rules: ["python.os-system"] })).runShield(UNSAFE_PYTHON as never, call),
    ).toBeNull();
    expect(
      await (await shield({ disabled_rules: ["python.*"] })).runShield(UNSAFE_PYTHON as never, call),
    ).toBeNull();
    const other = await (await shield({ disabled_rules: ["shell.*"] })).runShield(
      UNSAFE_PYTHON as never,
      call,
    );
    expect(other?.metadata.violation_type).toBe("python.os-system");
  });

  it("rejects unknown rule ids and severities in the config", () => {
    const typo = codeScannerShield.configSchema.safeParse({ disabled_rules: ["python.os_system"] });
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0]?.message).toMatch(/Unknown code-scanner rule "python.os_system"/);
    expect(codeScannerShield.configSchema.safeParse({ disabled_rules: ["nope.*"] }).success).toBe(false);
    expect(codeScannerShield.configSchema.safeParse({ min_severity: "info" }).success).toBe(false);
  });

  it("takes the common shield options alongside its own", () => {
    expect(codeScannerShield.configSchema.parse({ on_error: "allow" })).toEqual({
      min_severity: "warning",
      disabled_rules: [],
      on_error: "allow",
      touchpoints: ["input", "output"],
    });
  });

  it("accepts any provider shield id (there is no model to name)", async () => {
    const violation = await (await shield()).runShield(UNSAFE_PYTHON as never, {
      ...call,
      providerShieldId: "my-own-scanner",
    });
    expect(violation?.violation_level).toBe("error");
  });

  it("moderates each input on its own, shaped like upstream", async () => {
    const provider = await shield();
    const results = await provider.moderate!(
      [
        "```python\nos.system(cmd)\nh = hashlib.md5(x)\n```",
        "Hello there",
        "```python\nh = hashlib.md5(x)\n```",
      ],
      call,
    );
    expect(results).toHaveLength(3);
    const [insecure, clean, warning] = results;
    expect(insecure).toEqual({
      flagged: true,
      categories: { "insecure-code": true, "python.os-system": true, "python.weak-hash": true },
      category_scores: { "insecure-code": 1, "python.os-system": 1, "python.weak-hash": 1 },
      category_applied_input_types: {
        "insecure-code": ["text"],
        "python.os-system": ["text"],
        "python.weak-hash": ["text"],
      },
      user_message: expect.stringMatching(
        /^Security concerns detected in the code\. BLOCK: os\.system\(\) .+; .+/,
      ),
      metadata: { violation_type: "python.os-system,python.weak-hash" },
    });
    expect(insecure?.user_message).not.toContain(".;");
    expect(clean).toEqual({
      flagged: false,
      categories: { "insecure-code": false },
      category_scores: { "insecure-code": 0 },
      category_applied_input_types: { "insecure-code": [] },
      user_message: null,
      metadata: {},
    });
    expect(warning?.user_message).toMatch(/^Security concerns detected in the code\. WARN: /);
  });

  it("reports healthy", async () => {
    expect(await (await shield()).health?.()).toEqual({ status: "OK" });
  });
});
