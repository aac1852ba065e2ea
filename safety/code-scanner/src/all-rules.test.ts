import { describe, expect, it } from "vitest";
import { ALL_RULES } from "./all-rules.ts";
import { LANGUAGES } from "./language.ts";
import { JAVASCRIPT_CASES } from "./rules/__fixtures__/javascript-cases.ts";
import { PYTHON_CASES } from "./rules/__fixtures__/python-cases.ts";
import { SECRET_CASES } from "./rules/__fixtures__/secret-cases.ts";
import { SHELL_CASES, SQL_CASES } from "./rules/__fixtures__/shell-and-sql-cases.ts";

const ALL_CASES = [...PYTHON_CASES, ...JAVASCRIPT_CASES, ...SHELL_CASES, ...SQL_CASES, ...SECRET_CASES];

describe("ALL_RULES", () => {
  it("has unique dotted ids named after their family", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^(?:python|javascript|shell|sql|secret)\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });

  it("ties each family to its language, and secret rules to every language", () => {
    for (const rule of ALL_RULES) {
      const family = rule.id.split(".")[0];
      expect(rule.languages).toEqual(family === "secret" ? LANGUAGES : [family]);
    }
  });

  it("gives every rule a one-sentence message and a well-formed CWE when it has one", () => {
    for (const rule of ALL_RULES) {
      expect(rule.message).toMatch(/^[A-Za-z].*\.$/);
      expect(rule.message.split(/\.\s+[A-Z]/)).toHaveLength(1);
      if (rule.cwe !== undefined) expect(rule.cwe).toMatch(/^CWE-\d+$/);
    }
  });

  it("has a positive and a negative test case for every rule", () => {
    for (const rule of ALL_RULES) {
      const cases = ALL_CASES.filter((c) => c.ruleId === rule.id);
      expect(cases.flatMap((c) => c.positives).length, rule.id).toBeGreaterThan(0);
      expect(cases.flatMap((c) => c.negatives).length, rule.id).toBeGreaterThan(0);
    }
    expect(ALL_CASES.every((c) => ALL_RULES.some((r) => r.id === c.ruleId))).toBe(true);
  });
});
