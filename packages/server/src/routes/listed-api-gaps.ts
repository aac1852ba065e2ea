import type { ApiName } from "@llama-stack-ts/api";
import type { RouteSpec } from "../http/route-spec.ts";
import { BACKING_API } from "./inspect-routes.ts";

/** APIs the Stack answers itself, with no provider behind them. */
const SELF_SERVED: ReadonlySet<ApiName> = new Set([
  "inspect",
  "admin",
  "providers",
  "prompts",
  "conversations",
  "responses",
  "agents",
]);

export interface ListedApiGaps {
  /** Listed in `apis:` but no route serves them yet (upstream's distributions list them). */
  unserved: ApiName[];
  /** Served, but no provider of theirs is configured, so their routes answer 503. */
  withoutProvider: ApiName[];
}

/** What a run config's `apis:` asks for that this server cannot answer. */
export function listedApiGaps(
  listed: readonly ApiName[],
  specs: readonly RouteSpec[],
  providerCount: (api: ApiName) => number,
): ListedApiGaps {
  const tagged = new Set(specs.map((spec) => spec.api));
  // A routing-table API (vector_stores) may be served by its backing API's routes (tagged vector_io).
  const served = (api: ApiName) => tagged.has(api) || tagged.has(BACKING_API[api] ?? api);
  const unserved = listed.filter((api) => !served(api));
  const withoutProvider = listed.filter(
    (api) => served(api) && !SELF_SERVED.has(api) && providerCount(BACKING_API[api] ?? api) === 0,
  );
  return { unserved, withoutProvider };
}
