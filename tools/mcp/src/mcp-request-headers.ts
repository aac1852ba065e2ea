import { InvalidRequestError, type ToolGroup } from "@llama-stack-ts/api";

/**
 * The HTTP headers sent to a group's MCP server: the group's `args.headers`, then the caller's
 * `mcp_headers[<endpoint>]` from provider data, then `Authorization: Bearer <authorization>`.
 * An `Authorization` key among the headers is refused (as upstream): the token has its own field.
 */
export function mcpRequestHeaders(
  toolGroup: ToolGroup,
  endpoint: string,
  options: { authorization?: string | undefined; providerData?: Record<string, unknown> | undefined },
): Record<string, string> {
  const headers: Record<string, string> = {};
  addHeaders(headers, toolGroup.args?.headers, "args.headers");
  const perEndpoint = options.providerData?.mcp_headers;
  if (isRecord(perEndpoint)) addHeaders(headers, perEndpoint[endpoint], "provider_data.mcp_headers");
  if (options.authorization) {
    const token = options.authorization.replace(/^bearer\s+/i, "");
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

function addHeaders(into: Record<string, string>, source: unknown, param: string): void {
  if (source === undefined || source === null) return;
  if (!isRecord(source)) {
    throw new InvalidRequestError(`'${param}' must be an object of header names to strings.`, { param });
  }
  for (const [name, value] of Object.entries(source)) {
    if (name.toLowerCase() === "authorization") {
      throw new InvalidRequestError(
        `'${param}' may not set Authorization; pass the token as 'authorization' instead.`,
        { param: `${param}.${name}` },
      );
    }
    if (typeof value !== "string") {
      throw new InvalidRequestError(`Header '${name}' in '${param}' must be a string.`, {
        param: `${param}.${name}`,
      });
    }
    into[name] = value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
