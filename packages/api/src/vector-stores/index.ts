export * from "./document-chunker.ts";
export * from "./vector-store.ts";
export * from "./vector-store-file.ts";
export * from "./vector-store-file-batch.ts";
export * from "./vector-store-filter.ts";
export * from "./vector-store-search.ts";
