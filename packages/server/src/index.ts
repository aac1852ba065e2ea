export * from "./assert-port-free.ts";
export * from "./create-app.ts";
export * from "./errors/error-response.ts";
export * from "./http/route-spec.ts";
export * from "./openapi/build-openapi.ts";
export * from "./start-server.ts";
export * from "./version.ts";
