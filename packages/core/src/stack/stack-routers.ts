import { ServiceUnavailableError, type StackApiName, type StackApis } from "@llama-stack-ts/api";

/**
 * The routers other parts reach by API name, typed by `StackApis`: `get("inference")` is an
 * `InferenceApi`. Core sets its own at start-up; a layer above (agents, tools) sets its own when
 * it starts, which is why providers resolve them on use, not at creation.
 */
export interface StackRouters {
  get<K extends StackApiName>(name: K): StackApis[K] | undefined;
  set<K extends StackApiName>(name: K, router: StackApis[K]): void;
  /** The router, or a 503 naming the API when it is not enabled. */
  require<K extends StackApiName>(name: K): StackApis[K];
}

export function createStackRouters(): StackRouters {
  // One map for every API; the typed get/set keep each key paired with its interface.
  const routers = new Map<StackApiName, unknown>();
  return {
    get: <K extends StackApiName>(name: K) => routers.get(name) as StackApis[K] | undefined,
    set: (name, router) => {
      routers.set(name, router);
    },
    require<K extends StackApiName>(name: K): StackApis[K] {
      const router = routers.get(name);
      if (router === undefined) {
        throw new ServiceUnavailableError(
          `Service '${name}' is not enabled. Please check your configuration and enable the service before trying again.`,
        );
      }
      return router as StackApis[K];
    },
  };
}
