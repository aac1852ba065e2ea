export * from "./access-context.ts";
export * from "./api-call.ts";
export * from "./files-api.ts";
export * from "./inference-api.ts";
export * from "./safety-api.ts";
export * from "./stack-apis.ts";
export * from "./vector-io-api.ts";
export * from "./vector-stores-api.ts";
