import { z } from "zod";
import { ConversationItemInputSchema } from "./conversation-item.ts";

/** OpenAI metadata: at most 16 pairs, keys up to 64 characters, string values up to 512. */
export const ConversationMetadataSchema = z
  .record(z.string().max(64), z.string().max(512))
  .refine((metadata) => Object.keys(metadata).length <= 16, "at most 16 keys")
  .meta({ id: "ConversationMetadata" });
export type ConversationMetadata = z.infer<typeof ConversationMetadataSchema>;

/** `conv_` and 48 lowercase hex digits, as upstream generates them. */
export const CONVERSATION_ID_PATTERN = /^conv_[0-9a-f]{48}$/;

/** The OpenAI conversation object. */
export const ConversationSchema = z
  .object({
    id: z.string().describe("`conv_` and 48 hex digits."),
    object: z.literal("conversation"),
    created_at: z.number().int().describe("Unix seconds."),
    metadata: ConversationMetadataSchema,
  })
  .meta({ id: "Conversation" });
export type Conversation = z.infer<typeof ConversationSchema>;

/** At most 20 items per request, as OpenAI. */
export const ConversationItemsSchema = z.array(ConversationItemInputSchema).max(20);

/** `POST /v1/conversations`. */
export const ConversationCreateRequestSchema = z
  .object({
    items: ConversationItemsSchema.nullable().optional().describe("Initial items, at most 20."),
    metadata: ConversationMetadataSchema.nullable().optional(),
  })
  .meta({ id: "ConversationCreateRequest" });
export type ConversationCreateRequest = z.infer<typeof ConversationCreateRequestSchema>;

/** `POST /v1/conversations/{conversation_id}`: replaces the metadata. */
export const ConversationUpdateRequestSchema = z
  .object({ metadata: ConversationMetadataSchema })
  .meta({ id: "ConversationUpdateRequest" });
export type ConversationUpdateRequest = z.infer<typeof ConversationUpdateRequestSchema>;

export const ConversationDeleteResponseSchema = z
  .object({ id: z.string(), object: z.literal("conversation.deleted"), deleted: z.literal(true) })
  .meta({ id: "ConversationDeleteResponse" });
export type ConversationDeleteResponse = z.infer<typeof ConversationDeleteResponseSchema>;
