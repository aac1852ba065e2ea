import { ResponsesRouter } from "@llama-stack-ts/agents";
import type { Stack } from "@llama-stack-ts/core";

/**
 * Sets the agents layer's routers on a Stack (core cannot: agents sits above it). Idempotent,
 * so one Stack can back several apps.
 */
export function installAgents(stack: Stack): void {
  if (stack.routers.get("responses")) return;
  stack.routers.set("responses", new ResponsesRouter(stack.routers, stack.responsesStore));
}
