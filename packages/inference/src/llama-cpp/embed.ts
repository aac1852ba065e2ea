import {
  type CallOptions,
  type EmbeddingsRequest,
  type EmbeddingsResponse,
  InvalidRequestError,
} from "@llama-stack-ts/api";
import type { Token } from "node-llama-cpp";
import type { ModelHost } from "./model-host.ts";

/**
 * `/v1/embeddings`. `dimensions` keeps the first n components and re-normalises (Matryoshka
 * style); base64 is little-endian float32, as the openai SDK decodes it.
 */
export async function embed(
  host: ModelHost,
  request: EmbeddingsRequest,
  options: CallOptions,
): Promise<EmbeddingsResponse> {
  const loaded = await host.ready();
  const context = loaded.embedding;
  if (!context)
    throw new InvalidRequestError(`Model '${request.model}' is not an embedding model.`, { param: "model" });
  const inputs: (string | Token[])[] =
    typeof request.input === "string"
      ? [request.input]
      : request.input.every((x) => typeof x === "number")
        ? [request.input as Token[]]
        : (request.input as (string | number[])[]).map((x) => (typeof x === "string" ? x : (x as Token[])));
  const size = loaded.model.embeddingVectorSize;
  if (request.dimensions && request.dimensions > size) {
    throw new InvalidRequestError(`dimensions must be at most ${size} for model '${request.model}'.`, {
      param: "dimensions",
    });
  }
  let promptTokens = 0;
  const data: EmbeddingsResponse["data"] = [];
  for (const [index, input] of inputs.entries()) {
    options.signal?.throwIfAborted();
    let tokens = typeof input === "string" ? loaded.model.tokenize(input) : input;
    if (tokens.length > loaded.contextSize && request.truncate) tokens = tokens.slice(0, loaded.contextSize);
    if (tokens.length > loaded.contextSize) {
      throw new InvalidRequestError(
        `Input ${index} has ${tokens.length} tokens; model '${request.model}' embeds at most ${loaded.contextSize}.`,
        { param: `input[${index}]` },
      );
    }
    promptTokens += tokens.length;
    const embedding = await host.exclusive(() => context.getEmbeddingFor(tokens));
    let vector = [...embedding.vector];
    if (request.dimensions && request.dimensions < vector.length)
      vector = normalise(vector.slice(0, request.dimensions));
    data.push({
      object: "embedding",
      index,
      embedding:
        request.encoding_format === "base64"
          ? Buffer.from(new Float32Array(vector).buffer).toString("base64")
          : vector,
    });
  }
  return {
    object: "list",
    data,
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}
