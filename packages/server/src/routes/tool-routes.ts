import {
  dataListSchema,
  InvokeToolRequestSchema,
  RegisterToolGroupRequestSchema,
  ToolDefSchema,
  ToolGroupSchema,
  ToolInvocationResultSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";
import { defineRoute, type RouteSpec } from "../http/route-spec.ts";

const ToolGroupIdParams = z.object({ toolgroup_id: z.string().min(1).describe("e.g. builtin::websearch") });

/** Tool groups, tools and the tool runtime (upstream's legacy routes, served for agents and clients). */
export function toolRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: "GET",
      path: "/v1/toolgroups",
      api: "tool_groups",
      summary: "List the tool groups this caller can use.",
      response: dataListSchema(ToolGroupSchema),
      handler: async ({ stack, call }) => ({ data: await stack.toolGroups.list(call) }),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/toolgroups",
      api: "tool_groups",
      summary: "Register a tool group with a tool_runtime provider; the caller owns it.",
      description:
        "For an MCP server, `provider_id` names the `remote::model-context-protocol` provider and `mcp_endpoint.uri` the server.",
      body: RegisterToolGroupRequestSchema,
      response: ToolGroupSchema,
      handler: async ({ stack, body, call }) => stack.toolGroups.register(body, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/toolgroups/{toolgroup_id:path}",
      api: "tool_groups",
      summary: "One tool group.",
      params: ToolGroupIdParams,
      response: ToolGroupSchema,
      handler: async ({ stack, params, call }) => stack.toolGroups.get(params.toolgroup_id, call),
    }),
    defineRoute({
      method: "DELETE",
      path: "/v1/toolgroups/{toolgroup_id:path}",
      api: "tool_groups",
      summary: "Unregister a tool group registered through the API.",
      params: ToolGroupIdParams,
      status: 204,
      handler: async ({ stack, params, call }) => {
        await stack.toolGroups.unregister(params.toolgroup_id, call);
        return null;
      },
    }),
    defineRoute({
      method: "GET",
      path: "/v1/tools",
      api: "tool_groups",
      summary: "List the tools of every tool group this caller can use, or of one.",
      query: z.object({ toolgroup_id: z.string().min(1).optional() }),
      response: dataListSchema(ToolDefSchema),
      handler: async ({ stack, query, call }) => ({ data: await stack.toolRuntime.listTools(query, call) }),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/tools/{tool_name:path}",
      api: "tool_groups",
      summary: "One tool, with the JSON Schema of its arguments.",
      params: z.object({ tool_name: z.string().min(1) }),
      response: ToolDefSchema,
      handler: async ({ stack, params, call }) => stack.toolRuntime.getTool(params.tool_name, call),
    }),
    defineRoute({
      method: "GET",
      path: "/v1/tool-runtime/list-tools",
      api: "tool_runtime",
      summary: "List the tools of a tool group, or of an MCP server that is not registered.",
      query: z.object({
        tool_group_id: z.string().min(1).optional(),
        mcp_endpoint: z.url().optional().describe("An MCP server's URL (`mcp_endpoint[uri]` is read too)."),
        "mcp_endpoint[uri]": z.url().optional(),
      }),
      response: dataListSchema(ToolDefSchema),
      handler: async ({ stack, query, call }) => ({
        data: await stack.toolRuntime.listTools(
          {
            toolgroup_id: query.tool_group_id,
            mcp_endpoint: query.mcp_endpoint ?? query["mcp_endpoint[uri]"],
          },
          call,
        ),
      }),
    }),
    defineRoute({
      method: "POST",
      path: "/v1/tool-runtime/invoke",
      api: "tool_runtime",
      summary: "Run one tool. A tool's own failure is a result with error_code; bad kwargs are a 400.",
      body: InvokeToolRequestSchema,
      response: ToolInvocationResultSchema,
      handler: async ({ stack, body, call }) => stack.toolRuntime.invoke(body, call),
    }),
  ];
}
