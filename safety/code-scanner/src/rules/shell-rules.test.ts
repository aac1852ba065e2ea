import { describe } from "vitest";
import { describeRuleCases } from "./__fixtures__/rule-case.ts";
import { SHELL_CASES } from "./__fixtures__/shell-and-sql-cases.ts";

describe("shell rules", () => {
  describeRuleCases(SHELL_CASES);
});
