export * from "./build-response.ts";
export * from "./items-to-messages.ts";
export * from "./page-items.ts";
export * from "./response-tool-plan.ts";
export * from "./responses-router.ts";
export * from "./responses-storage.ts";
export * from "./run-response-loop.ts";
export * from "./to-input-items.ts";
