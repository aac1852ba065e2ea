import type { AgentsApi } from "./agents-api.ts";
import type { ConversationsApi } from "./conversations-api.ts";
import type { FilesApi } from "./files-api.ts";
import type { InferenceApi } from "./inference-api.ts";
import type { PromptsApi } from "./prompts-api.ts";
import type { ResponsesApi } from "./responses-api.ts";
import type { SafetyApi, ShieldsApi } from "./safety-api.ts";
import type { ToolGroupsApi, ToolRuntimeApi } from "./tool-runtime-api.ts";
import type { VectorIoApi } from "./vector-io-api.ts";
import type { VectorStoresApi } from "./vector-stores-api.ts";

/**
 * What the Stack offers its own parts, by API name: `context.api("inference")` is an
 * `InferenceApi`, no cast. A package that adds an API (tool runtime, eval) adds its
 * entry by declaration merging, so the map grows without this file knowing the package:
 *
 * @example
 * declare module "@llama-stack-ts/api" {
 *   interface StackApis {
 *     eval: EvalApi;
 *   }
 * }
 */
export interface StackApis {
  inference: InferenceApi;
  vector_io: VectorIoApi;
  vector_stores: VectorStoresApi;
  files: FilesApi;
  safety: SafetyApi;
  shields: ShieldsApi;
  tool_runtime: ToolRuntimeApi;
  tool_groups: ToolGroupsApi;
  prompts: PromptsApi;
  conversations: ConversationsApi;
  responses: ResponsesApi;
  agents: AgentsApi;
}

/** The APIs one Stack part can reach in another. */
export type StackApiName = keyof StackApis;
