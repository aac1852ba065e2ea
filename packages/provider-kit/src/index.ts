export * from "./accumulate-chat-stream.ts";
export * from "./assert-stored-length.ts";
export * from "./define-shield.ts";
export * from "./format-zod-error.ts";
export * from "./lazy-instance.ts";
export * from "./message-text.ts";
export * from "./stack-home.ts";
export * from "./worker-pool.ts";
