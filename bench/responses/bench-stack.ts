// The Stack and server every responses-bench measure runs against: chain models on inline::llama-cpp
// (fixed text or a fixed web_search call), a trivial `web_search` tool group, and the helpers the
// measures share (recording a loop's calls, reading each step's usage, the tool-loop request).
import { loadavg } from "node:os";
import type {
  ApiCall,
  ChatCompletionChunk,
  ChatCompletionRequest,
  InferenceApi,
  InvokeToolRequest,
  ProviderModule,
  ToolRuntimeApi,
} from "@llama-stack-ts/api";
import { createLogger, createStack, ProviderRegistry, parseRunConfig } from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { startServer } from "@llama-stack-ts/server";
import { chainModelPath } from "@llama-stack-ts/test-fixtures";
import { z } from "zod";

export const LONG_LOOP = 5; // steps of the long tool loop and turns of the conversation
const GREETING = "Hello! I am a tiny test model.";
const SEARCH_RESULT = "Llamas are domesticated South American camelids.";

export const call: ApiCall = { access: { principal: null, enforced: false } };
export const load = () => loadavg()[0]!.toFixed(2);
export const format = (value: number) => value.toFixed(2);

export type Response = { id: string; status: string; output: { type: string; status?: string }[] };
export interface StepUsage {
  prompt: number;
  completion: number;
  cached: number;
}
/** A row of the closing summary table: measure, goal, result, result / goal. */
export type SummaryRow = (string | number)[];

export const toolLoop = (steps: number, input = "Tell me about llamas.") => ({
  model: "llama-cpp/searcher",
  input,
  tools: [{ type: "web_search" }],
  max_infer_iters: steps,
  temperature: 0,
});

export async function* observeUsage(chunks: AsyncIterable<ChatCompletionChunk>, into: StepUsage[]) {
  for await (const chunk of chunks) {
    if (chunk.usage) {
      into.push({
        prompt: chunk.usage.prompt_tokens,
        completion: chunk.usage.completion_tokens,
        cached: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
      });
    }
    yield chunk;
  }
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** Builds the Stack, starts its server and prints the bench's header line. */
export async function startBenchStack() {
  const [greeter, searcher] = await Promise.all([
    chainModelPath(GREETING),
    chainModelPath('[web_search(query="llamas")]'),
  ]);
  const webSearch = defineTool({
    name: "web_search",
    description: "Returns a fixed result at once.",
    parameters: z.object({ query: z.string() }),
    handler: () => SEARCH_RESULT,
  });
  const searchTools = defineToolGroup({
    type: "inline::bench-search",
    description: "A web_search that answers at once.",
    configSchema: z.object({}),
    defaultToolGroups: ["bench::search"],
    create: () => ({ tools: () => [webSearch] }),
  });
  const stack = await createStack({
    config: parseRunConfig({
      version: 2,
      distro_name: "responses-bench",
      apis: ["inference", "tool_runtime", "conversations", "responses"],
      providers: {
        inference: [
          {
            provider_id: "llama-cpp",
            provider_type: "inline::llama-cpp",
            config: {
              gpu: false,
              threads: 1,
              auto_pull: false,
              models: [
                { model_id: "greeter", source: greeter, chat_format: "llama3_1", context_size: 2048 },
                { model_id: "searcher", source: searcher, chat_format: "llama3_2", context_size: 4096 },
              ],
            },
          },
        ],
        tool_runtime: [{ provider_id: "bench", provider_type: "inline::bench-search", config: {} }],
      },
    }),
    registry: new ProviderRegistry().register(...inferenceProviders, searchTools as ProviderModule),
    dataDir: null,
    logger: createLogger({ level: "error" }),
  });
  const server = await startServer(stack, { port: 0, host: "127.0.0.1" });
  const responsesUrl = `${server.url}/v1/responses`;
  const inference = stack.routers.require("inference");
  const toolRuntime = stack.routers.require("tool_runtime");
  console.log(
    `# llama-stack-ts responses bench\nchain models on inline::llama-cpp (1 layer, 1 thread), in-memory storage, a web_search tool that returns at once; load average ${load()}`,
  );

  /** Each chat completion the loop asks for and each tool call it makes, while `run` lasts. */
  async function recordLoop(run: () => Promise<unknown>) {
    const chats: ChatCompletionRequest[] = [];
    const tools: InvokeToolRequest[] = [];
    const usage: StepUsage[] = [];
    const tappedInference: InferenceApi = Object.assign(Object.create(inference) as InferenceApi, {
      chatCompletionStream: async (request: ChatCompletionRequest, apiCall: ApiCall) => {
        chats.push(structuredClone(request));
        return observeUsage(await inference.chatCompletionStream(request, apiCall), usage);
      },
    });
    const tappedTools: ToolRuntimeApi = Object.assign(Object.create(toolRuntime) as ToolRuntimeApi, {
      invoke: (request: InvokeToolRequest, apiCall: ApiCall) => {
        tools.push(structuredClone(request));
        return toolRuntime.invoke(request, apiCall);
      },
    });
    stack.routers.set("inference", tappedInference);
    stack.routers.set("tool_runtime", tappedTools);
    try {
      await run();
    } finally {
      stack.routers.set("inference", inference);
      stack.routers.set("tool_runtime", toolRuntime);
    }
    return { chats, tools, usage };
  }

  return { stack, server, responsesUrl, inference, toolRuntime, recordLoop };
}
