import type { FunctionTool } from "@llama-stack-ts/api";
import { listToolParameters } from "./list-tool-parameters.ts";
import { pythonJson } from "./python-json.ts";

// The template names parameter types the Python way.
const PYTHON_TYPES: Record<string, string> = {
  string: "str",
  integer: "int",
  number: "float",
  boolean: "bool",
  array: "list",
  object: "dict",
  null: "None",
};

function toolBlock(tool: FunctionTool): string {
  const { name, description = "" } = tool.function;
  const parameters = Object.fromEntries(
    listToolParameters(tool).map((parameter) => [
      parameter.name,
      {
        description: parameter.description,
        param_type: PYTHON_TYPES[parameter.type ?? ""] ?? parameter.type ?? "any",
        required: parameter.required,
      },
    ]),
  );
  // The template writes the outer keys in this order and `tojson`s the parameter map with sorted keys.
  const definition = `{"name": ${JSON.stringify(name)}, "description": ${JSON.stringify(description)}, "parameters": ${pythonJson(parameters, { sortKeys: true })}}`;
  return `Use the function '${name}' to '${description}':\n${definition}\n\n`;
}

const FOOTER = `Think very carefully before calling functions.
If you choose to call a function ONLY reply in the following format with no prefix or suffix:

<function=example_function_name>{"example_name": "example_value"}</function>

Reminder:
- If looking for real time information use relevant functions before falling back to brave_search
- Function calls MUST follow the specified format, start with <function= and end with </function>
- Required parameters MUST be specified
- Only call one function at a time
- Put the entire function call reply on one line`;

/** The `function_tag` custom-tool instructions (`<function=name>{…}</function>` calls), sent as a user message. */
export function functionTagToolInstructions(tools: readonly FunctionTool[]): string {
  return `You have access to the following functions:\n\n${tools.map(toolBlock).join("")}${FOOTER}`;
}
