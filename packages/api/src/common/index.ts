export * from "./api-name.ts";
export * from "./comma-list.ts";
export * from "./cursor-page.ts";
export * from "./data-list.ts";
export * from "./error-envelope.ts";
export * from "./ids.ts";
export * from "./sse.ts";
export * from "./stored-string-limits.ts";
