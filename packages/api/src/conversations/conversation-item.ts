import { z } from "zod";

/** A message content part: input text/image/file, or output text and refusals echoed back. */
export const ConversationContentPartSchema = z
  .discriminatedUnion("type", [
    z.looseObject({ type: z.literal("input_text"), text: z.string() }),
    z.looseObject({
      type: z.literal("input_image"),
      image_url: z.string().nullable().optional(),
      file_id: z.string().nullable().optional(),
      detail: z.enum(["low", "high", "auto"]).optional(),
    }),
    z.looseObject({
      type: z.literal("input_file"),
      file_id: z.string().nullable().optional(),
      file_data: z.string().optional(),
      file_url: z.string().optional(),
      filename: z.string().optional(),
    }),
    z.looseObject({
      type: z.literal("output_text"),
      text: z.string(),
      annotations: z.array(z.looseObject({ type: z.string() })).optional(),
    }),
    z.looseObject({ type: z.literal("refusal"), refusal: z.string() }),
  ])
  .meta({ id: "ConversationContentPart" });
export type ConversationContentPart = z.infer<typeof ConversationContentPartSchema>;

const ItemId = z.string().min(1).optional().describe("Kept when given; otherwise `msg_…` or `item_…`.");
const ItemStatus = z.enum(["in_progress", "completed", "incomplete"]).optional();

/** A message; `type` may be left out (an easy input message `{role, content}`). */
export const ConversationMessageItemSchema = z.looseObject({
  type: z.literal("message").optional(),
  id: ItemId,
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(ConversationContentPartSchema)]),
  status: ItemStatus,
});

const FunctionCallItemSchema = z.looseObject({
  type: z.literal("function_call"),
  id: ItemId,
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
  status: ItemStatus,
});

const FunctionCallOutputItemSchema = z.looseObject({
  type: z.literal("function_call_output"),
  id: ItemId,
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(ConversationContentPartSchema)]),
  status: ItemStatus,
});

const McpApprovalResponseItemSchema = z.looseObject({
  type: z.literal("mcp_approval_response"),
  id: ItemId,
  approval_request_id: z.string().min(1),
  approve: z.boolean(),
  reason: z.string().nullable().optional(),
});

/** Output items a client echoes back: the fields upstream requires, the rest kept as sent. */
const outputItem = <T extends string>(type: T, shape: z.ZodRawShape) =>
  z.looseObject({ type: z.literal(type), id: z.string().min(1), ...shape });

/**
 * One item to add to a conversation: the item types upstream stores (messages, function calls
 * and outputs, file and web search calls, MCP calls, listings and approvals, reasoning,
 * compaction) plus code interpreter calls, which our Responses loop produces. Another `type`
 * is a 400 naming the accepted ones.
 */
export const ConversationItemInputSchema = z
  .discriminatedUnion("type", [
    ConversationMessageItemSchema,
    FunctionCallItemSchema,
    FunctionCallOutputItemSchema,
    McpApprovalResponseItemSchema,
    outputItem("file_search_call", { queries: z.array(z.string()), status: z.string() }),
    outputItem("web_search_call", { status: z.string() }),
    outputItem("mcp_call", { name: z.string(), arguments: z.string(), server_label: z.string() }),
    outputItem("mcp_list_tools", { server_label: z.string(), tools: z.array(z.looseObject({})) }),
    outputItem("mcp_approval_request", { name: z.string(), arguments: z.string(), server_label: z.string() }),
    outputItem("reasoning", { summary: z.array(z.looseObject({})) }),
    z.looseObject({ type: z.literal("compaction"), id: ItemId }),
    outputItem("code_interpreter_call", { code: z.string().nullable(), status: z.string() }),
  ])
  .meta({ id: "ConversationItemInput" });
export type ConversationItemInput = z.infer<typeof ConversationItemInputSchema>;

/** A stored item: what was sent, with its `id` and `type` (and a message's parts and status) filled in. */
export const ConversationItemSchema = z
  .looseObject({ id: z.string(), type: z.string() })
  .meta({ id: "ConversationItem" });
export type ConversationItem = z.infer<typeof ConversationItemSchema>;
