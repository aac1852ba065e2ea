export * from "./file-upload.ts";
export * from "./openai-file.ts";
