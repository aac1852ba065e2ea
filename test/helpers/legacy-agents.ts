import type LlamaStackClient from "llama-stack-client";

// The legacy agents API through llama-stack-client's generic methods: 0.7.x has no `agents`
// resource, so these are older clients' paths and shapes.

export async function createAgent(client: LlamaStackClient, agent_config: Record<string, unknown>) {
  const { agent_id } = (await client.post("/v1/agents", { body: { agent_config } })) as { agent_id: string };
  return agent_id;
}

export async function createSession(client: LlamaStackClient, agentId: string, session_name = "s") {
  const { session_id } = (await client.post(`/v1/agents/${agentId}/session`, { body: { session_name } })) as {
    session_id: string;
  };
  return session_id;
}

export const turnPath = (agentId: string, sessionId: string) =>
  `/v1/agents/${agentId}/session/${sessionId}/turn`;

export const say = (content: string) => ({ messages: [{ role: "user", content }] });

/** A streamed turn's event payloads, read through the client's SSE stream. */
export async function streamTurnPayloads<Payload>(
  client: LlamaStackClient,
  path: string,
  body: Record<string, unknown>,
): Promise<Payload[]> {
  const stream = (await client.post(path, {
    body: { ...body, stream: true },
    stream: true,
  })) as unknown as AsyncIterable<{ event: { payload: Payload } }>;
  const payloads: Payload[] = [];
  for await (const chunk of stream) payloads.push(chunk.event.payload);
  return payloads;
}

/** An agent, a session of it, and the path its turns are posted to. */
export async function agentSession(client: LlamaStackClient, agent_config: Record<string, unknown>) {
  const agentId = await createAgent(client, agent_config);
  const sessionId = await createSession(client, agentId);
  return { agentId, sessionId, path: turnPath(agentId, sessionId) };
}
