import { z } from "zod";

const FunctionToolSchema = z.looseObject({
  type: z.literal("function"),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const FileSearchToolSchema = z.looseObject({
  type: z.literal("file_search"),
  vector_store_ids: z.array(z.string().min(1)),
  max_num_results: z.number().int().min(1).max(50).optional(),
  filters: z.unknown().optional(),
  ranking_options: z.unknown().optional(),
  search_mode: z
    .enum(["vector", "keyword", "hybrid"])
    .optional()
    .describe("Llama Stack's extension: vector (default), keyword, or hybrid search."),
});

const webSearch = (type: string) =>
  z.looseObject({ type: z.literal(type), search_context_size: z.enum(["low", "medium", "high"]).optional() });

const McpToolSchema = z.looseObject({
  type: z.literal("mcp"),
  server_label: z.string().min(1),
  server_url: z.string().min(1).optional(),
  connector_id: z.string().optional(),
  headers: z.record(z.string(), z.string()).nullish(),
  authorization: z.string().optional(),
  allowed_tools: z
    .union([z.array(z.string()), z.looseObject({ tool_names: z.array(z.string()).optional() })])
    .nullish(),
  require_approval: z.unknown().optional(),
});

const CodeInterpreterToolSchema = z.looseObject({
  type: z.literal("code_interpreter"),
  container: z.unknown().optional(),
});

/** A tool a response may use; another `type` is a 400 naming the accepted ones. */
export const ResponseToolSchema = z
  .discriminatedUnion("type", [
    FunctionToolSchema,
    FileSearchToolSchema,
    webSearch("web_search"),
    webSearch("web_search_preview"),
    webSearch("web_search_preview_2025_03_11"),
    webSearch("web_search_2025_08_26"),
    McpToolSchema,
    CodeInterpreterToolSchema,
  ])
  .meta({ id: "ResponseTool" });
export type ResponseTool = z.infer<typeof ResponseToolSchema>;
export type ResponseFunctionTool = z.infer<typeof FunctionToolSchema>;

/** `auto`, `none`, `required`, or one tool (OpenAI's forms). */
export const ResponseToolChoiceSchema = z.union([
  z.enum(["auto", "none", "required"]),
  z.looseObject({ type: z.literal("function"), name: z.string().min(1) }),
  z.looseObject({
    type: z.literal("allowed_tools"),
    mode: z.enum(["auto", "required"]),
    tools: z.array(z.looseObject({})),
  }),
  z.looseObject({ type: z.string().min(1) }),
]);
export type ResponseToolChoice = z.infer<typeof ResponseToolChoiceSchema>;
