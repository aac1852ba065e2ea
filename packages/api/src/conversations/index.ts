export * from "./conversation.ts";
export * from "./conversation-item.ts";
export * from "./conversation-items.ts";
