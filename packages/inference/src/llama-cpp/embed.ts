import {
  type CallOptions,
  type EmbeddingsRequest,
  type EmbeddingsResponse,
  InvalidRequestError,
} from "@llama-stack-ts/api";
import { embeddingTokens } from "./embedding-tokens.ts";
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
  // A string or one list of token ids is the input; otherwise each item is one, named by index.
  const single = typeof request.input === "string" || request.input.every((x) => typeof x === "number");
  const inputs: (string | number[])[] = single
    ? [request.input as string | number[]]
    : (request.input as (string | number[])[]);
  const size = loaded.model.embeddingVectorSize;
  if (request.dimensions && request.dimensions > size) {
    throw new InvalidRequestError(`dimensions must be at most ${size} for model '${request.model}'.`, {
      param: "dimensions",
    });
  }
  // Every input is checked before any is embedded, so a batch fails whole or not at all.
  const batch = inputs.map((input, index) =>
    embeddingTokens(loaded.model, context, input, {
      contextSize: loaded.contextSize,
      truncate: request.truncate ?? false,
      param: single ? "input" : `input[${index}]`,
      modelName: request.model,
    }),
  );
  let promptTokens = 0;
  const data: EmbeddingsResponse["data"] = [];
  for (const [index, tokens] of batch.entries()) {
    options.signal?.throwIfAborted();
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
