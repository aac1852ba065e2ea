import {
  type ApiCall,
  InvalidRequestError,
  type ResponseCreateRequest,
  type SafetyApi,
  type Shield,
  type ShieldsApi,
} from "@llama-stack-ts/api";

/** The shields a request's `guardrails` name (404 for one the caller cannot see). */
export async function requestGuardrails(
  request: ResponseCreateRequest,
  shields: () => ShieldsApi,
  safety: SafetyApi | undefined,
  call: ApiCall,
): Promise<Shield[]> {
  const ids = (request.guardrails ?? []).map((g) => (typeof g === "string" ? g : g.type));
  if (ids.length === 0) return [];
  if (!safety) {
    throw new InvalidRequestError("guardrails need the safety API, which this distribution does not serve.", {
      param: "guardrails",
    });
  }
  return Promise.all([...new Set(ids)].map((id) => shields().get(id, call)));
}

/**
 * Safety as this response sees it: the request's guardrails join the shields that guard input and
 * output, so every check (input, streamed windows, the whole answer) applies them alike.
 */
export function withGuardrails(safety: SafetyApi | undefined, guardrails: Shield[]): SafetyApi | undefined {
  if (!safety || guardrails.length === 0) return safety;
  return {
    runShield: (request, call) => safety.runShield(request, call),
    moderate: (request, call) => safety.moderate(request, call),
    optionsOf: (shieldId, call) => safety.optionsOf(shieldId, call),
    touchpointsOf: (shieldId, call) => safety.touchpointsOf(shieldId, call),
    async shieldsFor(touchpoint, call) {
      const configured = await safety.shieldsFor(touchpoint, call);
      if (touchpoint !== "input" && touchpoint !== "output") return configured;
      const seen = new Set(configured.map((s) => s.identifier));
      return [...configured, ...guardrails.filter((s) => !seen.has(s.identifier))];
    },
  };
}
