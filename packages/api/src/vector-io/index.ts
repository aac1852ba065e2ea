export * from "./vector-io.ts";
