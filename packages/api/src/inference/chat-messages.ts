import { z } from "zod";

export const TextPartSchema = z.looseObject({ type: z.literal("text"), text: z.string() });
export const ImagePartSchema = z.looseObject({
  type: z.literal("image_url"),
  image_url: z.looseObject({ url: z.string(), detail: z.enum(["auto", "low", "high"]).optional() }),
});
export const FilePartSchema = z.looseObject({
  type: z.literal("file"),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});
export const UserContentPartSchema = z.discriminatedUnion("type", [
  TextPartSchema,
  ImagePartSchema,
  FilePartSchema,
]);
export type UserContentPart = z.infer<typeof UserContentPartSchema>;

const TextContentSchema = z.union([z.string(), z.array(TextPartSchema)]);

export const ToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal("function").default("function"),
  function: z.looseObject({ name: z.string().min(1), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const SystemMessageSchema = z.looseObject({
  role: z.enum(["system", "developer"]),
  content: TextContentSchema,
  name: z.string().optional(),
});
export const UserMessageSchema = z.looseObject({
  role: z.literal("user"),
  content: z.union([z.string(), z.array(UserContentPartSchema)]),
  name: z.string().optional(),
});
export const AssistantMessageSchema = z.looseObject({
  role: z.literal("assistant"),
  content: z.union([TextContentSchema, z.null()]).optional(),
  tool_calls: z.array(ToolCallSchema).nullish(),
  name: z.string().optional(),
});
export const ToolMessageSchema = z.looseObject({
  role: z.literal("tool"),
  content: TextContentSchema,
  tool_call_id: z.string(),
});

/** One message of a chat request, the OpenAI chat shape. */
export const ChatMessageSchema = z
  .discriminatedUnion("role", [
    SystemMessageSchema.extend({ role: z.literal("system") }),
    SystemMessageSchema.extend({ role: z.literal("developer") }),
    UserMessageSchema,
    AssistantMessageSchema,
    ToolMessageSchema,
  ])
  .meta({ id: "ChatMessage" });
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Text of a message's content, with non-text parts dropped. */
export type MessageContent = ChatMessage["content"];
