import { type ChatCompletionRequest, InvalidRequestError } from "@llama-stack-ts/api";

/** Provider-independent checks on `tools` and `tool_choice`, so every engine rejects the same input. */
export function validateTools(request: ChatCompletionRequest): void {
  const tools = request.tools ?? [];
  const names = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    const name = tool.function.name;
    if (names.has(name)) {
      throw new InvalidRequestError(`Duplicate tool name '${name}'.`, {
        param: `tools[${index}].function.name`,
      });
    }
    names.add(name);
    const parameters = tool.function.parameters;
    if (parameters === undefined) continue;
    if (parameters.type !== undefined && parameters.type !== "object") {
      throw new InvalidRequestError(
        `Invalid schema for tool '${name}': parameters must be a JSON Schema of type 'object', got type '${String(parameters.type)}'.`,
        { param: `tools[${index}].function.parameters` },
      );
    }
    const properties = parameters.properties;
    if (
      properties !== undefined &&
      (typeof properties !== "object" || properties === null || Array.isArray(properties))
    ) {
      throw new InvalidRequestError(`Invalid schema for tool '${name}': 'properties' must be an object.`, {
        param: `tools[${index}].function.parameters.properties`,
      });
    }
    const required = parameters.required;
    if (required !== undefined && (!Array.isArray(required) || required.some((r) => typeof r !== "string"))) {
      throw new InvalidRequestError(
        `Invalid schema for tool '${name}': 'required' must be a list of names.`,
        {
          param: `tools[${index}].function.parameters.required`,
        },
      );
    }
  }
  const choice = request.tool_choice;
  if (choice && typeof choice === "object" && !names.has(choice.function.name)) {
    throw new InvalidRequestError(`tool_choice names '${choice.function.name}', which is not in tools.`, {
      param: "tool_choice",
    });
  }
  if ((choice === "required" || typeof choice === "object") && tools.length === 0) {
    throw new InvalidRequestError("tool_choice requires tools, but none were given.", {
      param: "tool_choice",
    });
  }
}
