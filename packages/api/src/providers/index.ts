export * from "./call-options.ts";
export * from "./files-provider.ts";
export * from "./inference-provider.ts";
export * from "./provider-module.ts";
export * from "./safety-provider.ts";
export * from "./sql-client.ts";
export * from "./tool-runtime-provider.ts";
export * from "./vector-io-provider.ts";
