import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import LlamaStackClient from "llama-stack-client";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestMcpServer,
  type TestMcpServer,
} from "../../tools/mcp/src/__fixtures__/start-test-mcp-server.ts";
import { llamaCppConfig } from "../helpers/llama-cpp-config.ts";
import { startTestStack, type TestStack } from "../helpers/start-test-stack.ts";

// `mcp` tools in /v1/responses against a real MCP server (the SDK's McpServer): listing, OpenAI's
// approval flow (approve runs the pending call, deny tells the model), listings reused across
// previous_response_id, an unreachable server, and every stream through the openai helper.
// The chain model always calls `echo(text="hi")`.
let ts: TestStack;
let mcp: TestMcpServer;
let openai: OpenAI;

beforeAll(async () => {
  const [echoer, sleeper, leaker] = await Promise.all([
    chainModelPath('[echo(text="hi")]'),
    chainModelPath("[sleep(ms=600), nap()]"),
    chainModelPath('[echo(text="forbidden")]'),
  ]);
  mcp = await startTestMcpServer(["streamable-http"]);
  const base = llamaCppConfig([
    { model_id: "echoer", source: echoer, chat_format: "llama3_2", context_size: 2048 },
    { model_id: "sleeper", source: sleeper, chat_format: "llama3_2", context_size: 2048 },
    { model_id: "leaker", source: leaker, chat_format: "llama3_2", context_size: 2048 },
  ]);
  ts = await startTestStack({
    ...base,
    apis: ["inference", "tool_runtime", "safety", "responses"],
    providers: {
      ...base.providers,
      safety: [
        {
          provider_id: "blocklist",
          provider_type: "inline::keyword-blocklist",
          module: "../safety/example-shield/src/keyword-blocklist-shield.ts",
          config: { words: ["forbidden"] },
        },
      ],
      tool_runtime: [
        {
          provider_id: "mcp",
          provider_type: "remote::model-context-protocol",
          module: "../tools/mcp/src/index.ts",
          config: {},
        },
      ],
    },
    // Guards no touchpoint of its own: it judges a response only when named in `guardrails`.
    registered_resources: {
      shields: [
        { shield_id: "on-request", provider_id: "blocklist", params: { touchpoints: ["tool_results"] } },
      ],
    },
  });
  openai = new OpenAI({ baseURL: `${ts.url}/v1`, apiKey: "none", maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await ts?.close();
  await mcp?.close();
});

const server = () => ({
  type: "mcp" as const,
  server_label: "test",
  server_url: mcp.streamableUrl,
  allowed_tools: ["echo", "tick"],
});

describe("mcp tools", () => {
  it("lists the allowed tools and runs a call at once with require_approval never", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi through the server",
      tools: [
        { ...server(), require_approval: "never", authorization: "s3cret", headers: { "X-Key": "k3y" } },
      ],
      ...({ max_tool_calls: 1 } as object),
    });
    expect(response.status).toBe("completed");
    const [listing, call] = response.output;
    expect(listing).toMatchObject({ type: "mcp_list_tools", server_label: "test" });
    expect((listing as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual(["echo", "tick"]);
    expect(call).toMatchObject({
      type: "mcp_call",
      name: "echo",
      server_label: "test",
      output: "echo: hi",
      error: null,
    });
    expect(JSON.parse((call as { arguments: string }).arguments)).toEqual({ text: "hi" });
    expect(response.output.at(-1)?.type).toBe("message");
    // The token and header values reached the server but are neither echoed nor stored.
    const sent = mcp.requests.at(-1)!.headers;
    expect([sent.authorization, sent["x-key"]]).toEqual(["Bearer s3cret", "k3y"]);
    for (const echoed of [response, await openai.responses.retrieve(response.id)]) {
      expect(JSON.stringify(echoed.tools)).not.toMatch(/s3cret|k3y/);
      expect(echoed.tools[0]).toMatchObject({ type: "mcp", headers: { "X-Key": "<redacted>" } });
    }
  });

  it("a background run gets the token, and its job keeps no secret once the response ended", async () => {
    const queued = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi through the server",
      tools: [
        { ...server(), require_approval: "never", authorization: "b4ckgr0und", headers: { "X-Key": "k3y" } },
      ],
      background: true,
      ...({ max_tool_calls: 1 } as object),
    });
    let response = queued;
    for (let i = 0; i < 200 && (response.status === "queued" || response.status === "in_progress"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await openai.responses.retrieve(queued.id);
    }
    expect(response.status).toBe("completed");
    expect(response.output.find((item) => item.type === "mcp_call")).toMatchObject({ output: "echo: hi" });
    expect(mcp.requests.at(-1)!.headers.authorization).toBe("Bearer b4ckgr0und");
    const rows = await ts.stack.database.sql.query<{ payload: unknown; status: string }>(
      "SELECT payload, status FROM jobs WHERE kind = 'response' AND payload->>'response_id' = $1",
      [queued.id],
    );
    expect(rows.map((row) => row.status)).toEqual(["succeeded"]);
    expect(JSON.stringify(rows[0]!.payload)).not.toMatch(/b4ckgr0und|k3y/);
    expect(rows[0]!.payload).toMatchObject({ request: { tools: [{ headers: { "X-Key": "<redacted>" } }] } });
  });

  it("serves mcp tools to llama-stack-client's responses.create as well", async () => {
    const client = new LlamaStackClient({ baseURL: ts.url, maxRetries: 0 });
    const response = await client.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [{ ...server(), require_approval: "never" }],
      ...({ max_tool_calls: 1 } as object),
    } as Parameters<typeof client.responses.create>[0]);
    expect((response as { output: { type: string; output?: string }[] }).output).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "mcp_call", output: "echo: hi" })]),
    );
  });

  it("asks approval by default; an approved call runs as an mcp_call carrying approval_request_id", async () => {
    const asked = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [server()],
    });
    expect(asked.status).toBe("completed");
    const request = asked.output.find((item) => item.type === "mcp_approval_request");
    expect(request).toMatchObject({ name: "echo", server_label: "test" });
    expect(asked.output.some((item) => item.type === "mcp_call")).toBe(false);

    const approved = await openai.responses.create({
      model: "llama-cpp/echoer",
      previous_response_id: asked.id,
      input: [{ type: "mcp_approval_response", approval_request_id: request!.id, approve: true }],
      tools: [server()],
      ...({ max_tool_calls: 1 } as object),
    });
    // The listing of the first turn is reused: no second mcp_list_tools.
    expect(approved.output.map((item) => item.type)).toEqual(["mcp_call", "mcp_approval_request"]);
    expect(approved.output[0]).toMatchObject({
      type: "mcp_call",
      approval_request_id: request!.id,
      output: "echo: hi",
    });

    // The same approval cannot be answered twice.
    const again = await fetch(`${ts.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "llama-cpp/echoer",
        previous_response_id: approved.id,
        input: [{ type: "mcp_approval_response", approval_request_id: request!.id, approve: true }],
        tools: [server()],
      }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain(request!.id);
  });

  it("a denied call does not run, and the model is told so", async () => {
    const asked = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [server()],
    });
    const request = asked.output.find((item) => item.type === "mcp_approval_request")!;
    const calls = mcp.requests.length;
    const denied = await openai.responses.create({
      model: "llama-cpp/echoer",
      previous_response_id: asked.id,
      input: [{ type: "mcp_approval_response", approval_request_id: request.id, approve: false }],
      tools: [server()],
    });
    expect(denied.output.some((item) => item.type === "mcp_call")).toBe(false);
    // The model asked again (it always does): a new request, and nothing reached the server.
    const next = denied.output.find((item) => item.type === "mcp_approval_request");
    expect(next?.id).not.toBe(request.id);
    expect(mcp.requests.length).toBe(calls);
    const items = await openai.responses.inputItems.list(denied.id);
    expect(items.data.some((item) => item.type === "mcp_approval_response")).toBe(true);
  });

  it("streams listing and call events the openai helper accepts", async () => {
    const stream = openai.responses.stream({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [{ ...server(), require_approval: "never" }],
      ...({ max_tool_calls: 1 } as object),
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    for (const type of [
      "response.mcp_list_tools.in_progress",
      "response.mcp_list_tools.completed",
      "response.mcp_call.in_progress",
      "response.mcp_call_arguments.delta",
      "response.mcp_call_arguments.done",
      "response.mcp_call.completed",
    ]) {
      expect(types).toContain(type);
    }
    expect(types.indexOf("response.mcp_call_arguments.done")).toBeLessThan(
      types.indexOf("response.mcp_call.completed"),
    );
    expect(final.output.map((item) => item.type)).toEqual(["mcp_list_tools", "mcp_call", "message"]);
  });

  it("an unreachable server is a listing with an error, and the response goes on without its tools", async () => {
    const stream = openai.responses.stream({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [
        {
          type: "mcp",
          server_label: "gone",
          server_url: "http://127.0.0.1:9/mcp",
          require_approval: "never",
        },
      ],
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types).toContain("response.mcp_list_tools.failed");
    expect(final.status).toBe("completed");
    expect(final.output[0]).toMatchObject({ type: "mcp_list_tools", server_label: "gone" });
    expect(String((final.output[0] as { error?: string }).error)).toContain("could not be reached");
    expect(final.output.at(-1)?.type).toBe("message");
  });

  it("runs one step's server-side calls concurrently, unless parallel_tool_calls is false, in the model's order", async () => {
    // Two 600 ms tools: together they take about 600 ms, one after the other at least 1,200 ms.
    const toolTime = async (parallel: boolean) => {
      const stream = openai.responses.stream({
        model: "llama-cpp/sleeper",
        input: "Rest",
        tools: [
          { type: "mcp", server_label: "test", server_url: mcp.streamableUrl, require_approval: "never" },
        ],
        parallel_tool_calls: parallel,
        ...({ max_tool_calls: 2 } as object),
      });
      let started = 0;
      let ended = 0;
      for await (const event of stream) {
        if (event.type === "response.mcp_call.in_progress" && started === 0) started = performance.now();
        if (event.type === "response.mcp_call.completed") ended = performance.now();
      }
      const final = await stream.finalResponse();
      const calls = final.output.filter((item) => item.type === "mcp_call");
      expect(calls.map((c) => [c.name, c.output])).toEqual([
        ["sleep", "awake"],
        ["nap", "rested"],
      ]);
      return ended - started;
    };
    expect(await toolTime(true)).toBeLessThan(1_200);
    expect(await toolTime(false)).toBeGreaterThanOrEqual(1_200);
  });

  it("answers 404 for an unknown model before listing any server", async () => {
    const response = await fetch(`${ts.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "nope", input: "Hi", stream: true, tools: [server()] }),
    });
    expect(response.status).toBe(404);
  });

  it("applies the shields named in guardrails (Llama Stack's extension) to input, and 404s an unknown one", async () => {
    const ask = (guardrails?: string[]) =>
      openai.responses.create({
        model: "llama-cpp/echoer",
        input: "A forbidden request",
        ...(guardrails ? ({ guardrails } as object) : {}),
      });
    expect((await ask()).output[0]?.type).toBe("message");
    const refused = await ask(["on-request"]);
    expect(refused.output).toEqual([
      expect.objectContaining({
        type: "message",
        content: [
          {
            type: "refusal",
            refusal: "Sorry, that message contains a blocked word. (violation type: blocked_word)",
          },
        ],
      }),
    ]);
    expect(await ask(["nope"]).catch((error: unknown) => error)).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("hands the model a tool_results shield's verdict instead of the tool's output", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/leaker",
      input: "Echo it",
      tools: [{ ...server(), require_approval: "never" }],
      ...({ max_tool_calls: 1 } as object),
    });
    const call = response.output.find(
      (item) => item.type === "mcp_call",
    ) as OpenAI.Responses.ResponseOutputItem.McpCall;
    expect(call.output ?? null).toBeNull();
    expect(call.error).toContain("on-request");
    expect(response.status).toBe("completed");
  });

  it("reaches a registered MCP tool group by label, from a response and from a legacy agent's turn", async () => {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${ts.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(
      (
        await post("/v1/toolgroups", {
          toolgroup_id: "mcp::test",
          provider_id: "mcp",
          mcp_endpoint: { uri: mcp.streamableUrl },
        })
      ).status,
    ).toBe(200);
    const response = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [
        { type: "mcp", server_label: "mcp::test", require_approval: "never" } as OpenAI.Responses.Tool.Mcp,
      ],
      ...({ max_tool_calls: 1 } as object),
    });
    expect(response.output.find((item) => item.type === "mcp_call")).toMatchObject({ output: "echo: hi" });

    const agent = await post("/v1/agents", {
      agent_config: {
        model: "llama-cpp/echoer",
        instructions: "",
        toolgroups: ["mcp::test"],
        max_infer_iters: 2,
      },
    });
    expect(agent.status).toBe(200);
    const session = await post(`/v1/agents/${agent.body.agent_id}/session`, { session_name: "mcp" });
    const turn = await post(`/v1/agents/${agent.body.agent_id}/session/${session.body.session_id}/turn`, {
      messages: [{ role: "user", content: "Say hi" }],
      stream: false,
    });
    expect(turn.status).toBe(200);
    const steps = turn.body.steps as {
      step_type: string;
      tool_calls?: unknown[];
      tool_responses?: { content: string }[];
    }[];
    const execution = steps.find((step) => step.step_type === "tool_execution");
    expect(execution?.tool_calls?.[0]).toMatchObject({ tool_name: "echo", arguments: '{"text":"hi"}' });
    expect(execution?.tool_responses?.[0]?.content).toBe("echo: hi");

    const unknown = await post("/v1/agents", {
      agent_config: { model: "llama-cpp/echoer", toolgroups: ["mcp::nope"] },
    });
    expect(unknown.status).toBe(404);
  });

  it("offers only the tools allowed_tools names: a call of another is not parsed or run", async () => {
    const response = await openai.responses.create({
      model: "llama-cpp/echoer",
      input: "Say hi",
      tools: [{ ...server(), require_approval: "never" }],
      tool_choice: {
        type: "allowed_tools",
        mode: "auto",
        tools: [{ type: "mcp", server_label: "test", name: "tick" }],
      },
    });
    // Only `tick` was offered, so the model's `echo` call is plain text to the tool parser.
    expect(response.output.map((item) => item.type)).toEqual(["mcp_list_tools", "message"]);
    expect(response.output_text).toContain("echo");
  });

  it("answers bad mcp and guardrails input with 4xx in the error shape, never a 500", async () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(`${ts.url}/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "llama-cpp/echoer", input: "Say hi", ...body }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { output: unknown[]; error: { message: string; param: string } },
      };
    };
    // A server_url that is no URL: a listing with its error, like an unreachable server.
    const notUrl = await post({ tools: [{ type: "mcp", server_label: "bad", server_url: "not a url" }] });
    expect(notUrl.status).toBe(200);
    expect(notUrl.body.output[0]).toMatchObject({ type: "mcp_list_tools", error: expect.any(String) });
    for (const [body, param] of [
      [{ guardrails: [123] }, "guardrails"],
      [{ tools: [{ type: "mcp" }] }, "tools"],
      [{ tools: [{ ...server(), headers: { Authorization: "Bearer x" } }] }, "tools.headers"],
      [{ tools: [server(), server()] }, "tools.server_label"],
    ] as const) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toContain(param);
    }
    const unknownGroup = await post({ tools: [{ type: "mcp", server_label: "mcp::nope" }] });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body.error.message).toContain("mcp::nope");
  });

  it("answers 400 for an approval with no pending request", async () => {
    const response = await fetch(`${ts.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "llama-cpp/echoer",
        input: [{ type: "mcp_approval_response", approval_request_id: "mcpr_nope", approve: true }],
        tools: [server()],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; param: string } };
    expect(body.error.message).toContain("mcpr_nope");
  });
});
