import { describe } from "vitest";
import { describeRuleCases } from "./__fixtures__/rule-case.ts";
import { SECRET_CASES, SECRET_CROSS_LANGUAGE_CASES } from "./__fixtures__/secret-cases.ts";

describe("secret rules", () => {
  describeRuleCases(SECRET_CASES);
});

describe("secret rules in other languages", () => {
  describeRuleCases(SECRET_CROSS_LANGUAGE_CASES);
});
