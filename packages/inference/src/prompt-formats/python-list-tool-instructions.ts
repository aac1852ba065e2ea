import type { FunctionTool } from "@llama-stack-ts/api";
import { jsonText, listToolParameters, type ToolParameter } from "./list-tool-parameters.ts";
import { pythonJson } from "./python-json.ts";
import { toPythonLiteral } from "./to-python-literal.ts";

const DEFAULT_TEMPLATE = `You are a helpful assistant. You have access to functions, but you should only use them if they are required.
You are an expert in composing functions. You are given a question and a set of possible functions.
Based on the question, you may or may not need to make one function/tool call to achieve the purpose.

If you decide to invoke any of the function(s), you MUST put it in the format of [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)]
If you decide to invoke a function, you SHOULD NOT include any other text in the response. besides the function call in the above format.
For a boolean parameter, be sure to use \`True\` or \`False\` (capitalized) for the value.


{{ function_description }}`;

const PLACEHOLDER = /\{\{\s*function_description\s*\}\}/g;

function parameterBlock(parameter: ToolParameter): string {
  const lines = [
    `                "${jsonText(parameter.name)}": {`,
    `                    "type": "${jsonText(parameter.type ?? "any")}",`,
    `                    "description": "${jsonText(parameter.description)}"`,
  ];
  if (parameter.default !== undefined) {
    const value =
      typeof parameter.default === "string" ? parameter.default : toPythonLiteral(parameter.default);
    lines[2] += ",";
    lines.push(`                    "default": "${jsonText(value)}"`);
  }
  lines.push("                }");
  return lines.join("\n");
}

function toolBlock(tool: FunctionTool): string {
  const parameters = listToolParameters(tool);
  return [
    "    {",
    `        "name": "${jsonText(tool.function.name)}",`,
    `        "description": "${jsonText(tool.function.description)}",`,
    '        "parameters": {',
    '            "type": "dict",',
    `            "required": ${pythonJson(parameters.filter((p) => p.required).map((p) => p.name))},`,
    '            "properties": {',
    ...(parameters.length > 0 ? [parameters.map(parameterBlock).join(",\n")] : []),
    "            }",
    "        }",
    "    }",
  ].join("\n");
}

/** The function list that fills `{{ function_description }}` in the python_list system prompt. */
export function pythonListFunctionDescription(tools: readonly FunctionTool[]): string {
  return [
    "Here is a list of functions in JSON format that you can invoke.\n\n",
    `[\n${tools.map(toolBlock).join(",\n")}\n]\n\n`,
    "You can answer general questions or invoke tools when necessary.\n",
    "In addition to tool calls, you should also augment your responses by using the tool outputs.",
  ].join("");
}

/**
 * The python_list tool prompt for the system message. `template` (system_message_behavior
 * `replace`) receives the list at `{{ function_description }}`; unlike llama-stack, a template
 * without the placeholder gets the list appended instead of silently losing the tools.
 */
export function pythonListSystemPrompt(tools: readonly FunctionTool[], template?: string): string {
  const description = pythonListFunctionDescription(tools);
  const base = template ?? DEFAULT_TEMPLATE;
  if (!base.match(PLACEHOLDER)) return `${base}\n\n${description}`;
  return base.replace(PLACEHOLDER, () => description);
}
