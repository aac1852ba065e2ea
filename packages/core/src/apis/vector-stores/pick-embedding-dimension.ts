import { InvalidRequestError, type Model } from "@llama-stack-ts/api";

/** The store's dimension: the model's own, checked against an explicit request when both exist. */
export function pickEmbeddingDimension(model: Model, requested: unknown): number {
  const known = Number(model.metadata.embedding_dimension);
  const asked = requested === undefined || requested === null ? undefined : Number(requested);
  if (asked !== undefined && (!Number.isInteger(asked) || asked <= 0)) {
    throw new InvalidRequestError(
      `embedding_dimension must be a positive integer, got ${String(requested)}.`,
      {
        param: "embedding_dimension",
      },
    );
  }
  if (Number.isInteger(known) && known > 0) {
    if (asked !== undefined && asked !== known) {
      throw new InvalidRequestError(
        `embedding_dimension ${asked} does not match model '${model.identifier}', whose embedding dimension is ${known}.`,
        { param: "embedding_dimension" },
      );
    }
    return known;
  }
  if (asked === undefined) {
    throw new InvalidRequestError(
      `Model '${model.identifier}' does not state its embedding dimension; pass embedding_dimension.`,
      { param: "embedding_dimension" },
    );
  }
  return asked;
}
