import { type ChatCompletionRequest, UnprocessableError } from "@llama-stack-ts/api";
import { z } from "zod";

/**
 * The grammar covers JSON syntax and most of the schema, but not every keyword (bounds,
 * patterns); check the finished output against the full schema before handing it out.
 */
export function validateStructuredOutput(text: string, request: ChatCompletionRequest): void {
  const format = request.response_format;
  if (!format || format.type === "text") return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new UnprocessableError(`The model's output is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (format.type !== "json_schema" || !format.json_schema.schema) return;
  let schema: z.ZodType;
  try {
    schema = z.fromJSONSchema(format.json_schema.schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    return; // a schema zod cannot read was still enforced by the grammar as far as it goes
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new UnprocessableError(
      `The model's output does not match response_format.json_schema: ${result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  }
}
