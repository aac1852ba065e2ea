import { UnprocessableError } from "@llama-stack-ts/api";
import { z } from "zod";

export interface ForcedToolCall {
  name: string;
  /** JSON text of the arguments; possibly incomplete when generation was cut off. */
  arguments: string;
}

const CallSchema = z.object({
  name: z.string(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

// The grammar writes `name` before `parameters` (the schema's order), so a cut-off call still has them in order.
const CALL_PREFIX = /^\s*\{\s*"name"\s*:\s*("(?:[^"\\]|\\.)*")\s*(,\s*"parameters"\s*:\s*)?/;

/**
 * A forced call `{"name": …, "parameters": …}` as OpenAI sends it. Cut off by max_tokens
 * (`complete` false), it keeps whatever arguments exist, as OpenAI does with finish_reason
 * "length"; null when not even the tool's name is known.
 */
export function forcedToolCall(text: string, toolNames: string[], complete: boolean): ForcedToolCall | null {
  if (complete) {
    const call = CallSchema.safeParse(parseJson(text));
    if (!call.success) {
      throw new UnprocessableError(`The model's forced tool call is not a valid call: ${text.slice(0, 200)}`);
    }
    return { name: call.data.name, arguments: JSON.stringify(call.data.parameters ?? {}) };
  }
  const prefix = CALL_PREFIX.exec(text);
  const name = prefix ? z.string().safeParse(parseJson(prefix[1]!)).data : undefined;
  if (name !== undefined) {
    // Arguments start once the "parameters" key is complete; before that there are none.
    return { name, arguments: prefix![2] ? text.slice(prefix![0].length).trimEnd() : "" };
  }
  return toolNames.length === 1 ? { name: toolNames[0]!, arguments: "" } : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
