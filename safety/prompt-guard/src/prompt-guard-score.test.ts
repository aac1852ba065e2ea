import { describe, expect, it } from "vitest";
import { labelLayout, promptGuardScore } from "./prompt-guard-score.ts";

describe("labelLayout", () => {
  it("reads v1 labels by name and v2 by position", () => {
    expect(labelLayout(["BENIGN", "INJECTION", "JAILBREAK"])).toEqual({
      kind: "three-way",
      injection: 1,
      jailbreak: 2,
    });
    expect(labelLayout(["jailbreak", "benign", "injection"])).toEqual({
      kind: "three-way",
      injection: 2,
      jailbreak: 0,
    });
    expect(labelLayout(["LABEL_0", "LABEL_1"])).toEqual({ kind: "binary", malicious: 1 });
    expect(() => labelLayout(["A"])).toThrow(/has 1/);
  });
});

describe("promptGuardScore", () => {
  const v1 = labelLayout(["BENIGN", "INJECTION", "JAILBREAK"]);
  const v2 = labelLayout(["LABEL_0", "LABEL_1"]);

  it("v1 injection: P(injection) + P(jailbreak), both in violation_type", () => {
    expect(promptGuardScore([0.1, 0.5, 0.4], v1, "injection")).toEqual({
      score: 0.9,
      violationType: "prompt_injection:embedded=0.5,malicious=0.4",
    });
  });

  it("v1 jailbreak: P(jailbreak)", () => {
    expect(promptGuardScore([0.1, 0.5, 0.4], v1, "jailbreak")).toEqual({
      score: 0.4,
      violationType: "prompt_injection:malicious=0.4",
    });
  });

  it("v2: P(malicious) in both modes", () => {
    for (const mode of ["injection", "jailbreak"] as const) {
      expect(promptGuardScore([0.25, 0.75], v2, mode)).toEqual({
        score: 0.75,
        violationType: "prompt_injection:malicious=0.75",
      });
    }
  });
});
