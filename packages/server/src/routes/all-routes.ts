import type { RouteSpec } from "../http/route-spec.ts";
import { agentsRoutes } from "./agents-routes.ts";
import { conversationsRoutes } from "./conversations-routes.ts";
import { filesRoutes } from "./files-routes.ts";
import { inferenceRoutes } from "./inference-routes.ts";
import { inspectRoutes } from "./inspect-routes.ts";
import { modelsRoutes } from "./models-routes.ts";
import { promptsRoutes } from "./prompts-routes.ts";
import { providersRoutes } from "./providers-routes.ts";
import { responsesRoutes } from "./responses-routes.ts";
import { safetyRoutes } from "./safety-routes.ts";
import { shieldsRoutes } from "./shields-routes.ts";
import { toolRoutes } from "./tool-routes.ts";
import { vectorIoRoutes } from "./vector-io-routes.ts";
import { vectorStoresRoutes } from "./vector-stores-routes.ts";

/** Every route the server serves, in documentation order. */
export function allRoutes(specs: () => readonly RouteSpec[]): RouteSpec[] {
  return [
    ...inspectRoutes("/v1", specs),
    ...providersRoutes("/v1"),
    ...modelsRoutes(),
    ...inferenceRoutes(),
    ...shieldsRoutes(),
    ...safetyRoutes(),
    ...toolRoutes(),
    ...vectorIoRoutes(),
    ...vectorStoresRoutes(),
    ...filesRoutes(),
    ...promptsRoutes(),
    ...conversationsRoutes(),
    ...responsesRoutes(),
    ...agentsRoutes(),
    ...inspectRoutes("/v1alpha/admin", specs),
    ...providersRoutes("/v1alpha/admin"),
  ];
}
