import type { Logger } from "@llama-stack-ts/api";
import type { AccessContext } from "@llama-stack-ts/core";

/** Per-request values middleware puts on the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    access: AccessContext;
    logger: Logger;
  };
}
