import { z } from "zod";

/** What a tool returns: text, images, embedded resources; upstream's interleaved content. */
export const ToolContentItemSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text"), text: z.string() }),
  z.looseObject({
    type: z.literal("image"),
    /** Base64 data (`data`) or a URL (`url`), with its media type. */
    data: z.string().optional(),
    url: z.string().optional(),
    mime_type: z.string().optional(),
  }),
  z.looseObject({
    type: z.literal("resource"),
    resource: z.looseObject({
      uri: z.string(),
      mime_type: z.string().optional(),
      text: z.string().optional(),
      blob: z.string().optional(),
    }),
  }),
]);
export type ToolContentItem = z.infer<typeof ToolContentItemSchema>;

export const ToolContentSchema = z.union([z.string(), z.array(ToolContentItemSchema)]);
export type ToolContent = z.infer<typeof ToolContentSchema>;
