import type { Rule } from "./rule.ts";
import { JAVASCRIPT_RULES } from "./rules/javascript-rules.ts";
import { PYTHON_RULES } from "./rules/python-rules.ts";
import { SECRET_RULES } from "./rules/secret-rules.ts";
import { SHELL_RULES } from "./rules/shell-rules.ts";
import { SQL_RULES } from "./rules/sql-rules.ts";

/** Every rule, in reporting order (language families first, then secrets). Ids are unique. */
export const ALL_RULES: readonly Rule[] = [
  ...PYTHON_RULES,
  ...JAVASCRIPT_RULES,
  ...SHELL_RULES,
  ...SQL_RULES,
  ...SECRET_RULES,
];
