export * from "./chat-completion.ts";
export * from "./chat-completion-request.ts";
export * from "./chat-messages.ts";
export * from "./completion.ts";
export * from "./embeddings.ts";
export * from "./rerank.ts";
