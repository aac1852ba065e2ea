export * from "./response-create-request.ts";
export * from "./response-object.ts";
export * from "./response-tool.ts";
