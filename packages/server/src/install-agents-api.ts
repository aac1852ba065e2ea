import { AgentModels, AgentsRouter } from "@llama-stack-ts/agents";
import { AgentRecordsStore, type Stack } from "@llama-stack-ts/core";

/**
 * The legacy agents API (`/v1/agents`) over the responses router, its records in
 * `registry_resources`, and every stored agent served as the chat model `agent/<name>`.
 * Idempotent, so one Stack can back several apps.
 */
export function installAgentsApi(stack: Stack): void {
  if (stack.routers.get("agents")) return;
  const records = new AgentRecordsStore(stack.database.db);
  stack.routers.set("agents", new AgentsRouter(stack.routers, records));
  stack.inference.addChatModelSource(
    new AgentModels({
      records,
      responses: () => stack.routers.require("responses"),
      safety: () => stack.routers.require("safety"),
    }),
  );
}
