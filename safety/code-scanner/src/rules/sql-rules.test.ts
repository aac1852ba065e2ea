import { describe } from "vitest";
import { describeRuleCases } from "./__fixtures__/rule-case.ts";
import { SQL_CASES } from "./__fixtures__/shell-and-sql-cases.ts";

describe("sql rules", () => {
  describeRuleCases(SQL_CASES);
});
