import { ErrorEnvelopeSchema } from "@llama-stack-ts/api";
import { toOpenApiPath } from "../http/hono-path.ts";
import type { RouteSpec } from "../http/route-spec.ts";
import { STACK_VERSION } from "../version.ts";
import { type JsonSchema, toJsonSchema } from "./to-json-schema.ts";

const ERROR_STATUSES: Record<string, string> = {
  "400": "Invalid request (malformed JSON, wrong types, bad values).",
  "401": "Missing or invalid API key (when auth is configured).",
  "404": "Unknown resource.",
  "413": "Request body too large.",
  "415": "Request body has the wrong Content-Type.",
  "500": "Unexpected server error.",
};

/** OpenAPI 3.1 for the served routes, built from the same zod schemas that validate requests. */
export function buildOpenApi(specs: readonly RouteSpec[]): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const errorRef = toJsonSchema(ErrorEnvelopeSchema, "output", components);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of specs) {
    const path = toOpenApiPath(spec.path);
    const parameters = [
      ...objectParameters(spec.params, "path", components),
      ...objectParameters(spec.query, "query", components),
    ];
    const status = String(spec.status ?? 200);
    const responses: Record<string, JsonSchema> = {
      [status]:
        spec.status === 204 || !spec.response
          ? { description: spec.status === 204 ? "No content." : "OK." }
          : {
              description: "OK.",
              content: {
                [spec.responseMediaType ?? "application/json"]: {
                  schema: toJsonSchema(spec.response, "output", components),
                },
              },
            },
    };
    for (const [code, description] of Object.entries(ERROR_STATUSES)) {
      responses[code] = { description, content: { "application/json": { schema: errorRef } } };
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      operationId: operationId(spec),
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.api],
      ...(spec.deprecated ? { deprecated: true } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...requestBody(spec, components),
      responses,
      ...(spec.public ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "llama-stack-ts",
      version: STACK_VERSION,
      description: "The Llama Stack HTTP API, served by llama-stack-ts.",
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key from server.auth." },
      },
    },
    security: [{ bearer: [] }],
  };
}

function requestBody(spec: RouteSpec, components: Record<string, JsonSchema>): JsonSchema {
  if (spec.multipart) {
    const schema = toJsonSchema(spec.multipart, "input", components);
    return { requestBody: { required: true, content: { "multipart/form-data": { schema } } } };
  }
  if (!spec.body) return {};
  const schema = toJsonSchema(spec.body, "input", components);
  return { requestBody: { required: true, content: { "application/json": { schema } } } };
}

function objectParameters(
  schema: RouteSpec["params"],
  location: "path" | "query",
  components: Record<string, JsonSchema>,
): JsonSchema[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input", components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function operationId(spec: RouteSpec): string {
  const words = spec.path
    .replace(/\{(\w+)(:path)?\}/g, "by_$1")
    .split(/[/_-]/)
    .filter(Boolean);
  return [spec.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}
