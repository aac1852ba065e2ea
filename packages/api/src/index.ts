export * from "./common/index.ts";
export * from "./errors/index.ts";
export * from "./files/index.ts";
export * from "./inference/index.ts";
export * from "./inspect/index.ts";
export * from "./models/index.ts";
export * from "./providers/index.ts";
export * from "./resources/index.ts";
