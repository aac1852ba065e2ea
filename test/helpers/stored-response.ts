import type { ResponseObject } from "@llama-stack-ts/api";

/** A Response object as the storage tests write it: nothing set but what a test gives. */
export function storedResponse(
  id: string,
  fields: Partial<ResponseObject> & Pick<ResponseObject, "status">,
): ResponseObject {
  return {
    id,
    object: "response",
    created_at: 1_700_000_000,
    model: "m",
    output: [],
    error: null,
    incomplete_details: null,
    instructions: null,
    previous_response_id: null,
    conversation: null,
    metadata: {},
    usage: null,
    ...fields,
  };
}
