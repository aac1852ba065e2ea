import { InvalidRequestError, type Prompt, type PromptVariableValue } from "@llama-stack-ts/api";
import { PLACEHOLDER, templateVariables } from "./template-variables.ts";

/** A prompt's text with its variables filled in, and the images and files it mentions. */
export interface RenderedPrompt {
  text: string;
  /** Image and file variables, in the order given: the text says `[Image: name]`, the part goes to the model. */
  media: { name: string; value: Exclude<PromptVariableValue, string> }[];
}

/**
 * Fill a stored prompt's `{{ name }}` placeholders (`prompt` in a Responses request). Text
 * substitutes; an image or file variable becomes `[Image: name]` / `[File: name]` and is returned
 * in `media`. A variable the prompt does not declare is a 400 (upstream's message), and so is a
 * placeholder left without a value: a model never sees a raw `{{ name }}`.
 */
export function renderPrompt(
  prompt: Prompt,
  variables: Record<string, PromptVariableValue> | undefined = {},
): RenderedPrompt {
  const declared = new Set(prompt.variables);
  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) {
      throw new InvalidRequestError(
        `Invalid value for 'prompt.variables': ${name}. Variable not defined in prompt '${prompt.prompt_id}'.`,
        { param: "prompt.variables", code: "undeclared_prompt_variable", retryable: false },
      );
    }
  }
  const template = prompt.prompt ?? "";
  const missing = templateVariables(template).filter((name) => !Object.hasOwn(variables, name));
  if (missing.length > 0) {
    throw new InvalidRequestError(
      `Missing value for 'prompt.variables': ${missing.join(", ")}. Prompt '${prompt.prompt_id}' ` +
        `version ${prompt.version} uses ${missing.length === 1 ? "it" : "them"}.`,
      { param: "prompt.variables", code: "missing_prompt_variable", retryable: false },
    );
  }
  const media: RenderedPrompt["media"] = [];
  const substitutions = new Map<string, string>();
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === "string") substitutions.set(name, value);
    else if (value.type === "input_text") substitutions.set(name, String(value.text));
    else {
      media.push({ name, value });
      substitutions.set(name, `[${value.type === "input_image" ? "Image" : "File"}: ${name}]`);
    }
  }
  const text = template.replace(PLACEHOLDER, (match, name: string) => substitutions.get(name) ?? match);
  return { text, media };
}
