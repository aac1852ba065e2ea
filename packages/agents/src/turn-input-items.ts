import {
  type ConversationContentPart,
  type ConversationItemInput,
  type InterleavedContent,
  InvalidRequestError,
  type TurnCreateRequest,
  type TurnInputMessage,
} from "@llama-stack-ts/api";

/**
 * A turn's messages as Responses input items: user messages (text and images), tool messages
 * as `function_call_output`s. Documents are text added to the last user message, as upstream
 * inlined them.
 */
export function turnInputItems(
  messages: readonly TurnInputMessage[],
  documents: TurnCreateRequest["documents"] = [],
): ConversationItemInput[] {
  const items: ConversationItemInput[] = messages.map((message, index) =>
    message.role === "tool"
      ? { type: "function_call_output", call_id: message.call_id, output: contentText(message.content) }
      : {
          type: "message",
          role: "user",
          content: contentParts(message.content, `messages.${index}.content`),
        },
  );
  const lastUser = items.findLastIndex((item) => item.type === "message");
  for (const [index, document] of (documents ?? []).entries()) {
    const text = documentText(document.content, `documents.${index}.content`);
    if (lastUser < 0)
      throw new InvalidRequestError("Documents need a user message to go with.", { param: "documents" });
    const message = items[lastUser] as { content: ConversationContentPart[] };
    message.content = [
      ...message.content,
      { type: "input_text", text: `\n\n[Document: ${document.mime_type}]\n${text}` },
    ];
  }
  return items;
}

/** Interleaved content as message parts: text and images; another item is a 400. */
export function contentParts(content: InterleavedContent, param: string): ConversationContentPart[] {
  const list = Array.isArray(content) ? content : [content];
  return list.map((item) => {
    if (typeof item === "string") return { type: "input_text", text: item };
    if (item.type === "text" && typeof item.text === "string") return { type: "input_text", text: item.text };
    if (item.type === "image") {
      const image = (item.image ?? {}) as { url?: { uri?: string }; data?: string };
      const url = image.url?.uri ?? (image.data ? `data:image/png;base64,${image.data}` : undefined);
      if (url) return { type: "input_image", image_url: url, detail: "auto" };
    }
    throw new InvalidRequestError(`Content items are text or images; got '${item.type}'.`, { param });
  });
}

/** The text of interleaved content (tool answers, shield input, documents). */
export function contentText(content: InterleavedContent): string {
  const list = Array.isArray(content) ? content : [content];
  return list
    .map((item) => (typeof item === "string" ? item : typeof item.text === "string" ? item.text : ""))
    .join("");
}

function documentText(content: InterleavedContent, param: string): string {
  const list = Array.isArray(content) ? content : [content];
  if (!list.every((item) => typeof item === "string" || item.type === "text")) {
    throw new InvalidRequestError(
      "Documents are text: a string or text items (fetch URLs and files first).",
      {
        param,
      },
    );
  }
  return contentText(content);
}
