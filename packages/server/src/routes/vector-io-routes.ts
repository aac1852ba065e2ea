import {
  QueryChunksResponseSchema,
  VectorIoInsertRequestSchema,
  VectorIoQueryRequestSchema,
} from "@llama-stack-ts/api";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

export function vectorIoRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "POST",
      path: "/v1/vector-io/insert",
      api: "vector_io",
      summary:
        "Insert chunks into a vector store; chunks without an embedding are embedded with the store's model.",
      body: VectorIoInsertRequestSchema,
      status: 204,
      handler: async ({ stack, body, call }) => {
        await stack.vectorIo.insert(body, call);
        return null;
      },
    }),
    defineRoute({
      method: "POST",
      path: "/v1/vector-io/query",
      api: "vector_io",
      summary: "Search a vector store: vector, keyword or hybrid, with attribute filters.",
      body: VectorIoQueryRequestSchema,
      response: QueryChunksResponseSchema,
      handler: async ({ stack, body, call }) => stack.vectorIo.query(body, call),
    }),
  ];
}
