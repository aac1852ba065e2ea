export * from "./inspect.ts";
