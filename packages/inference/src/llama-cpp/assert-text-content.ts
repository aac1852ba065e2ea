import { type ChatMessage, InvalidRequestError } from "@llama-stack-ts/api";

/**
 * llama.cpp models here take text only: an image or file part is refused with a 400 naming it,
 * rather than dropped, so the caller never gets an answer to a question the model did not see.
 */
export function assertTextContent(messages: ChatMessage[], model: string): void {
  for (const [messageIndex, message] of messages.entries()) {
    if (!Array.isArray(message.content)) continue;
    for (const [partIndex, part] of message.content.entries()) {
      if (part.type === "text") continue;
      const param = `messages[${messageIndex}].content[${partIndex}]`;
      throw new InvalidRequestError(
        `Model '${model}' takes text only; ${param} is a '${part.type}' part. Send its content as text, or use a model that accepts ${part.type === "image_url" ? "images" : "files"}.`,
        { param },
      );
    }
  }
}
