import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestMcpServer, type TestMcpServer } from "./__fixtures__/start-test-mcp-server.ts";
import { mcpTools } from "./mcp-tools.ts";

let server: TestMcpServer;
beforeAll(async () => {
  server = await startTestMcpServer();
});
afterAll(() => server.close());

it("is the remote::model-context-protocol tool runtime, built from its config", async () => {
  expect(mcpTools.api).toBe("tool_runtime");
  expect(mcpTools.providerType).toBe("remote::model-context-protocol");
  const config = mcpTools.configSchema.parse({});
  expect(config).toMatchObject({ timeout_ms: 30_000, idle_close_ms: 60_000 });
  // Only config and logger are read by create; the rest of the context is not needed.
  const runtime = await mcpTools.create({ config } as Parameters<typeof mcpTools.create>[0]);
  const toolGroup = {
    identifier: "mcp::test",
    provider_id: "mcp",
    type: "tool_group" as const,
    mcp_endpoint: { uri: server.streamableUrl },
  };
  const result = await runtime.invokeTool({ toolName: "tick", kwargs: {}, toolGroup }, {});
  expect(result.content).toEqual([{ type: "text", text: "tock" }]);
  await runtime.shutdown?.();
});
