import { InvalidRequestError } from "@llama-stack-ts/api";
import type { Llama, LlamaGrammar } from "node-llama-cpp";

/**
 * The grammar for a JSON Schema (already checked by `checkGrammarSchema` and reduced by
 * `toGrammarSchema`). Whatever the engine still cannot build is the request's fault: a 400
 * naming `param`, where the schema sits in the request, never an engine error (500).
 */
export async function jsonSchemaGrammar(llama: Llama, schema: object, param: string): Promise<LlamaGrammar> {
  try {
    return await llama.createGrammarForJsonSchema(schema as never);
  } catch (cause) {
    throw new InvalidRequestError(
      `The JSON Schema at ${param} cannot be turned into a grammar for constrained decoding: ${(cause as Error).message}.`,
      { param, cause },
    );
  }
}
