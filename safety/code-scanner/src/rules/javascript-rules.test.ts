import { describe } from "vitest";
import { JAVASCRIPT_CASES } from "./__fixtures__/javascript-cases.ts";
import { describeRuleCases } from "./__fixtures__/rule-case.ts";

describe("javascript rules", () => {
  describeRuleCases(JAVASCRIPT_CASES);
});
