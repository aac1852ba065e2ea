export * from "./prompt.ts";
export * from "./prompt-variable-value.ts";
