import { ResponsesRouter } from "@llama-stack-ts/agents";
import type { Stack } from "@llama-stack-ts/core";
import { installAgentsApi } from "./install-agents-api.ts";

/**
 * Sets the agents layer's routers on a Stack (core cannot: agents sits above it). Idempotent,
 * so one Stack can back several apps. The responses router fails what a killed server left in
 * progress, then keeps its own running responses stamped alive until the Stack closes.
 */
export function installAgents(stack: Stack): void {
  installAgentsApi(stack);
  if (stack.routers.get("responses")) return;
  const responses = new ResponsesRouter({
    routers: stack.routers,
    storage: stack.responsesStore,
    events: stack.responseEvents,
    logger: stack.logger.child({ api: "responses" }),
    jobs: stack.jobs,
    exclusive: stack.database.driver === "pglite",
    resolveModel: (model, call) => stack.tables.models.resolve(model, call.access),
  });
  stack.routers.set("responses", responses);
  stack.onClose(() => responses.stop());
  void responses.start();
}
