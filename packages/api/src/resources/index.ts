export * from "./shield.ts";
export * from "./tool-group.ts";
export * from "./vector-store-resource.ts";
