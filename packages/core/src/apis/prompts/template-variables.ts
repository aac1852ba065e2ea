import { InvalidRequestError } from "@llama-stack-ts/api";

/** `{{ name }}` with optional spaces; `name` is word characters in any script, as Python's `\w`. */
export const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}\p{Mn}\p{Pc}]+)\s*\}\}/gu;

/** The variable names a template uses, each once, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/** A 400 naming every placeholder of `template` that `declared` does not list (upstream's check). */
export function assertVariablesDeclared(template: string, declared: readonly string[]): void {
  const known = new Set(declared);
  const undeclared = templateVariables(template)
    .filter((name) => !known.has(name))
    .sort();
  if (undeclared.length === 0) return;
  throw new InvalidRequestError(
    `Prompt contains undeclared variables: [${undeclared.map((name) => `'${name}'`).join(", ")}]. ` +
      "List every {{ name }} the prompt uses in 'variables'.",
    { param: "variables", code: "undeclared_prompt_variables", retryable: false },
  );
}
