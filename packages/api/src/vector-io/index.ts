export * from "./vector-io.ts";
export * from "./vector-search-defaults.ts";
