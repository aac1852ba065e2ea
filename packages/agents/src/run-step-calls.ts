import type { ApiCall, ChatMessage, ResponseOutputItem, ToolCall, ToolRuntimeApi } from "@llama-stack-ts/api";
import { approvalRequestItem, mcpCallItem, runMcpCall } from "./mcp-items.ts";
import { functionCallItem } from "./output-items.ts";
import type { ResponseLoopEvent } from "./response-loop-event.ts";
import { mcpNeedsApproval, type ResponseToolPlan } from "./response-tool-plan.ts";
import { inProgressItem, runServerTool, serverToolItemId } from "./run-server-tool.ts";

export interface StepCallsOptions {
  calls: ToolCall[];
  /** The text the model wrote beside its calls. */
  text: string;
  plan: ResponseToolPlan;
  /** The names the model was offered this step; a call of any other is the client's. */
  offered: ReadonlySet<string>;
  /** Files the response may cite; file searches add what they found. */
  citationFiles: Map<string, string>;
  /** Server-side calls this response may still make (`max_tool_calls`). */
  callsLeft: number;
  /** `parallel_tool_calls: false` runs them one after another. */
  parallel: boolean;
  toolRuntime: () => ToolRuntimeApi;
  call: ApiCall;
}

export interface StepCallsOutcome {
  /** The assistant's calls that ran and their results, for the next inference step. */
  messages: ChatMessage[];
  /** Server-side calls made (counted against `max_tool_calls`). */
  made: number;
  /** The response ends here: the client owes a function output or an approval. */
  stop: boolean;
}

interface Runnable {
  call: ToolCall;
  started: ResponseOutputItem;
  run(): Promise<{ item: ResponseOutputItem; result: string }>;
}

/**
 * One step's tool calls. Hosted tools and MCP tools that need no approval run on the server,
 * concurrently unless `parallel` is false, their items announced first and finished in the
 * model's order; an MCP call that needs approval becomes an `mcp_approval_request`; any other
 * name is the client's `function_call`. Either of the last two ends the response.
 */
export async function* runStepCalls(
  options: StepCallsOptions,
): AsyncGenerator<ResponseLoopEvent, StepCallsOutcome> {
  const { plan, call } = options;
  const runnable: Runnable[] = [];
  const approvals: ResponseOutputItem[] = [];
  const clientCalls: ToolCall[] = [];
  for (const c of options.calls) {
    const known = options.offered.has(c.function.name);
    const hosted = known ? plan.serverTools.get(c.function.name) : undefined;
    const mcp = known ? plan.mcpTools.get(c.function.name) : undefined;
    if (hosted) {
      if (runnable.length >= options.callsLeft) continue;
      const started = inProgressItem(hosted, c, serverToolItemId(hosted));
      runnable.push({
        call: c,
        started,
        run: async () => {
          const outcome = await runServerTool(hosted, c, options.toolRuntime(), call, { id: started.id });
          for (const [fileId, filename] of Object.entries(outcome.citations ?? {}))
            options.citationFiles.set(fileId, filename);
          return outcome;
        },
      });
    } else if (mcp && mcpNeedsApproval(mcp, c.function.name)) {
      approvals.push(approvalRequestItem(mcp, c));
    } else if (mcp) {
      if (runnable.length >= options.callsLeft) continue;
      const started = mcpCallItem(mcp, c);
      runnable.push({ call: c, started, run: () => runMcpCall(mcp, started, options.toolRuntime(), call) });
    } else {
      clientCalls.push(c);
    }
  }

  for (const r of runnable) yield { type: "tool-start", item: r.started };
  const outcomes = options.parallel
    ? await Promise.all(runnable.map((r) => r.run()))
    : await runnable.reduce<Promise<Awaited<ReturnType<Runnable["run"]>>[]>>(
        async (done, r) => [...(await done), await r.run()],
        Promise.resolve([]),
      );
  const messages: ChatMessage[] = [];
  if (runnable.length > 0) {
    messages.push({
      role: "assistant",
      content: options.text || null,
      tool_calls: runnable.map((r) => r.call),
    });
    for (const [i, r] of runnable.entries()) {
      yield { type: "tool-end", item: outcomes[i]!.item };
      messages.push({ role: "tool", tool_call_id: r.call.id, content: outcomes[i]!.result });
    }
  }
  for (const item of approvals) yield { type: "item", item };
  for (const c of clientCalls) yield { type: "function-call", item: functionCallItem(c) };
  return { messages, made: runnable.length, stop: approvals.length > 0 || clientCalls.length > 0 };
}
