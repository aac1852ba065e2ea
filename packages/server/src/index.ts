export * from "./create-app.ts";
export * from "./errors/error-response.ts";
export * from "./openapi/build-openapi.ts";
export * from "./routing/route-spec.ts";
export * from "./start-server.ts";
export * from "./version.ts";
