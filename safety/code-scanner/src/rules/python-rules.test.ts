import { describe } from "vitest";
import { PYTHON_CASES } from "./__fixtures__/python-cases.ts";
import { describeRuleCases } from "./__fixtures__/rule-case.ts";

describe("python rules", () => {
  describeRuleCases(PYTHON_CASES);
});
