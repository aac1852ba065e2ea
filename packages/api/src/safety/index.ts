export * from "./moderation.ts";
export * from "./register-shield.ts";
export * from "./run-shield.ts";
export * from "./safety-violation.ts";
export * from "./shield-definition.ts";
export * from "./shield-options.ts";
