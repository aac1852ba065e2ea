import { InvalidRequestError } from "@llama-stack-ts/api";
import type { Context } from "hono";
import { checkEdgeInput } from "./check-edge-input.ts";

/** `X-LlamaStack-Provider-Data`: a JSON object of per-request provider settings (e.g. API keys). */
export function providerData(context: Context): Record<string, unknown> | undefined {
  const header = context.req.header("x-llamastack-provider-data");
  if (!header) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw new InvalidRequestError("X-LlamaStack-Provider-Data must be a JSON object.", {
      param: "x-llamastack-provider-data",
    });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InvalidRequestError("X-LlamaStack-Provider-Data must be a JSON object.", {
      param: "x-llamastack-provider-data",
    });
  }
  checkEdgeInput(parsed, "x-llamastack-provider-data");
  return parsed as Record<string, unknown>;
}
