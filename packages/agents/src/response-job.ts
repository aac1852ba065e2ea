import type { AccessContext, ResponseCreateRequest } from "@llama-stack-ts/api";
import { withoutSecrets } from "./build-response.ts";

export const RESPONSE_JOB_KIND = "response";

/** A queued background response, as its job row keeps it. */
export type ResponseJobPayload = {
  response_id: string;
  created_at: number;
  request: ResponseCreateRequest;
  access: AccessContext;
};

/** Core's job runner as the agents layer reaches it (agents sits above core). */
export interface BackgroundJobs {
  register(definition: {
    kind: string;
    concurrency: number;
    maxAttempts?: number;
    run(job: { payload: ResponseJobPayload }, context: { signal: AbortSignal }): Promise<unknown>;
    keepOnEnd?(payload: ResponseJobPayload): ResponseJobPayload;
    onGiveUp?(job: { payload: ResponseJobPayload }, lastError: string): Promise<void>;
  }): void;
  enqueue(kind: string, payload: ResponseJobPayload, options?: { owner?: string | null }): Promise<unknown>;
}

/** What a response job keeps once it ended: the MCP tokens and headers it ran with are dropped. */
export function withoutJobSecrets(payload: ResponseJobPayload): ResponseJobPayload {
  const tools = payload.request.tools;
  return {
    ...payload,
    request: { ...payload.request, ...(tools ? { tools: tools.map(withoutSecrets) } : {}) },
  };
}
