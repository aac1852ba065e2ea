import { InvalidRequestError, type Model, StackError } from "@llama-stack-ts/api";
import type { AccessContext } from "../../auth/access-context.ts";
import type { ModelsTable } from "../../resource-tables/models-table.ts";

/**
 * The embedding model of a new store: the requested one, else
 * `vector_stores.default_embedding_model`, else the first embedding model the caller can see.
 */
export async function pickEmbeddingModel(
  models: ModelsTable,
  requested: string | undefined,
  configuredDefault: { provider_id: string; model_id: string } | null | undefined,
  access: AccessContext,
): Promise<Model> {
  const wanted =
    requested ??
    (configuredDefault ? `${configuredDefault.provider_id}/${configuredDefault.model_id}` : undefined);
  if (wanted === undefined) {
    const first = (await models.list(access)).find((m) => m.model_type === "embedding");
    if (!first) {
      throw new InvalidRequestError(
        "No embedding model is available; register one or name it with embedding_model.",
        { param: "embedding_model" },
      );
    }
    return first;
  }
  let model: Model;
  try {
    model = await models.resolve(wanted, access);
  } catch (error) {
    if (!(StackError.isInstance(error) && error.kind === "not_found")) throw error;
    throw new InvalidRequestError(`Embedding model '${wanted}' not found. List models with GET /v1/models.`, {
      param: "embedding_model",
    });
  }
  if (model.model_type !== "embedding") {
    throw new InvalidRequestError(
      `Model '${wanted}' is not an embedding model (it is '${model.model_type}').`,
      {
        param: "embedding_model",
      },
    );
  }
  return model;
}
