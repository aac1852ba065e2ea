import type { FunctionTool } from "@llama-stack-ts/api";
import { jsonText, listToolParameters } from "./list-tool-parameters.ts";
import { pythonJson } from "./python-json.ts";

function toolBlock(tool: FunctionTool): string {
  const parameters = listToolParameters(tool);
  // Reproduces llama-stack's template quirks on purpose: properties is a list and every type is "object".
  const properties = parameters.map((parameter) =>
    [
      "                {",
      `                    "${jsonText(parameter.name)}": {`,
      '                        "type": "object",',
      `                        "description": "${jsonText(parameter.description)}"`,
      "                    }",
      "                }",
    ].join("\n"),
  );
  return [
    "{",
    '    "type": "function",',
    '    "function": {',
    `        "name": "${jsonText(tool.function.name)}",`,
    `        "description": "${jsonText(tool.function.description)}",`,
    '        "parameters": {',
    '            "type": "object",',
    '            "properties": [',
    ...(properties.length > 0 ? [properties.join(",\n")] : []),
    "            ],",
    `            "required": ${pythonJson(parameters.filter((p) => p.required).map((p) => p.name))}`,
    "        }",
    "    }",
    "}",
  ].join("\n");
}

/** The `json` custom-tool instructions, sent to Llama 3.1 as a user message after the system message. */
export function jsonToolInstructions(tools: readonly FunctionTool[]): string {
  return [
    "Answer the user's question by making use of the following functions if needed.\n",
    "If none of the function can be used, please say so.\n",
    "Here is a list of functions in JSON format:\n",
    ...tools.map((tool) => `${toolBlock(tool)}\n`),
    "\nReturn function calls in JSON format.",
  ].join("");
}
