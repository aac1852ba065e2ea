import type { StackApiName, StackApis } from "@llama-stack-ts/api";

/** The Stack's routers as the loop reaches them (core's `StackRouters`). */
export interface RouterLookup {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  require<K extends StackApiName>(name: K): StackApis[K];
}
