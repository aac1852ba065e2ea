import { z } from "zod";
import { commaListSchema } from "../common/comma-list.ts";
import { CursorPageQuerySchema } from "../common/cursor-page.ts";

/** `include` on reads: which tool results to show (`file_search_call.results`, …). */
const IncludeQuerySchema = commaListSchema(z.string().min(1))
  .optional()
  .describe(
    "Tool results to show: file_search_call.results, code_interpreter_call.outputs, web_search_call.action.sources.",
  );

/**
 * An output item as OpenAI shapes it: `message` (with `output_text` and `refusal` parts),
 * `function_call`, `file_search_call`, `web_search_call`, `code_interpreter_call`, `mcp_call`.
 */
export const ResponseOutputItemSchema = z
  .looseObject({ type: z.string(), id: z.string() })
  .meta({ id: "ResponseOutputItem" });
export type ResponseOutputItem = z.infer<typeof ResponseOutputItemSchema>;

export const ResponseStatusSchema = z.enum([
  "completed",
  "incomplete",
  "failed",
  "in_progress",
  "cancelled",
  "queued",
]);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

/** The Response object (`object: "response"`), as OpenAI answers it. */
export const ResponseObjectSchema = z
  .looseObject({
    id: z.string(),
    object: z.literal("response"),
    created_at: z.number().int(),
    model: z.string(),
    status: ResponseStatusSchema,
    output: z.array(ResponseOutputItemSchema),
    output_text: z.string().optional(),
    error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
    incomplete_details: z.looseObject({ reason: z.string() }).nullable(),
    instructions: z.string().nullable(),
    previous_response_id: z.string().nullable(),
    conversation: z.looseObject({ id: z.string() }).nullable(),
    metadata: z.record(z.string(), z.string()),
    usage: z
      .looseObject({ input_tokens: z.number(), output_tokens: z.number(), total_tokens: z.number() })
      .nullable(),
  })
  .meta({ id: "Response" });
export type ResponseObject = z.infer<typeof ResponseObjectSchema>;

/**
 * One Server-Sent Event of a streamed response (`stream: true`), as OpenAI's `ResponseStreamEvent`
 * union shapes it: `response.created` first, `sequence_number` from 0, one terminal event.
 */
export const ResponseStreamEventSchema = z
  .looseObject({ type: z.string(), sequence_number: z.number().int() })
  .meta({ id: "ResponseStreamEvent" });
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEventSchema>;

export const ResponseDeleteResponseSchema = z
  .object({ id: z.string(), object: z.literal("response"), deleted: z.literal(true) })
  .meta({ id: "ResponseDeleteResponse" });
export type ResponseDeleteResponse = z.infer<typeof ResponseDeleteResponseSchema>;

/** `GET /v1/responses`: stored responses, newest first by default. */
export const ListResponsesQuerySchema = CursorPageQuerySchema.pick({
  after: true,
  limit: true,
  order: true,
}).extend({
  model: z.string().min(1).optional(),
});
export type ListResponsesQuery = z.infer<typeof ListResponsesQuerySchema>;

/** `GET /v1/responses/{id}/input_items`: the items this response was given, newest first by default. */
export const ListResponseInputItemsQuerySchema = CursorPageQuerySchema.pick({
  after: true,
  before: true,
  limit: true,
  order: true,
}).extend({ include: IncludeQuerySchema });
export type ListResponseInputItemsQuery = z.infer<typeof ListResponseInputItemsQuerySchema>;

/**
 * `GET /v1/responses/{id}`: with `stream=true` a background response's events again (OpenAI's
 * resume), those after `starting_after` only.
 */
export const RetrieveResponseQuerySchema = z.object({
  stream: z.stringbool().optional(),
  starting_after: z.coerce.number().int().min(0).optional(),
  include: IncludeQuerySchema,
});
export type RetrieveResponseQuery = z.infer<typeof RetrieveResponseQuerySchema>;
