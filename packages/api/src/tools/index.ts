export * from "./register-tool-group.ts";
export * from "./tool-content.ts";
export * from "./tool-def.ts";
export * from "./tool-definition.ts";
export * from "./tool-invocation.ts";
