import {
  type ApiCall,
  InvalidRequestError,
  type ResponseCreateRequest,
  type SafetyApi,
  type Shield,
  type ShieldsApi,
} from "@llama-stack-ts/api";

/** The shields a request's `guardrails` name (404 for one the caller cannot see). */
export function requestGuardrails(
  request: ResponseCreateRequest,
  shields: () => ShieldsApi,
  safety: SafetyApi | undefined,
  call: ApiCall,
): Promise<Shield[]> {
  const ids = (request.guardrails ?? []).map((g) => (typeof g === "string" ? g : g.type));
  return namedShields(ids, "guardrails", shields, safety, call);
}

/** Shields by id (404 for one the caller cannot see; 400 when the Stack serves no safety API). */
export async function namedShields(
  ids: readonly string[],
  param: string,
  shields: () => ShieldsApi,
  safety: SafetyApi | undefined,
  call: ApiCall,
): Promise<Shield[]> {
  if (ids.length === 0) return [];
  if (!safety) {
    throw new InvalidRequestError(`${param} need the safety API, which this distribution does not serve.`, {
      param,
    });
  }
  return Promise.all([...new Set(ids)].map((id) => shields().get(id, call)));
}

/**
 * Safety as this response sees it: the request's guardrails join the shields that guard input and
 * output, so every check (input, streamed windows, the whole answer) applies them alike; shields
 * for output only (an agent's `output_shields`) join the output checks.
 */
export function withGuardrails(
  safety: SafetyApi | undefined,
  guardrails: Shield[],
  outputOnly: Shield[] = [],
): SafetyApi | undefined {
  if (!safety || guardrails.length + outputOnly.length === 0) return safety;
  return {
    runShield: (request, call) => safety.runShield(request, call),
    moderate: (request, call) => safety.moderate(request, call),
    optionsOf: (shieldId, call) => safety.optionsOf(shieldId, call),
    touchpointsOf: (shieldId, call) => safety.touchpointsOf(shieldId, call),
    async shieldsFor(touchpoint, call) {
      const configured = await safety.shieldsFor(touchpoint, call);
      if (touchpoint !== "input" && touchpoint !== "output") return configured;
      const added = touchpoint === "output" ? [...guardrails, ...outputOnly] : guardrails;
      const seen = new Set(configured.map((s) => s.identifier));
      return [...configured, ...added.filter((s) => !seen.has(s.identifier) && seen.add(s.identifier))];
    },
  };
}
