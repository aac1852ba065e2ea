import {
  InvalidRequestError,
  type Model,
  ModelSchema,
  type OpenAIModel,
  type ProviderModel,
  type RegisterModelRequest,
  STORED_STRING_LIMITS,
} from "@llama-stack-ts/api";
import { assertStoredLength, utf8Length } from "@llama-stack-ts/provider-kit";
import type { AccessContext } from "../auth/access-context.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import type { StackDb } from "../storage/database.ts";
import { ResourceTable } from "./resource-table.ts";

const HINT = "List available models with GET /v1/models.";

// Resolution runs on every inference request; a short-lived cache saves a database round trip.
// Writes through this table clear it; another replica's writes are seen within the TTL.
const RESOLVE_TTL_MS = 2_000;

/** Models: declared in config, discovered from providers, or registered through the API. */
export class ModelsTable extends ResourceTable<Model> {
  private readonly resolved = new Map<string, { model: Model; at: number }>();

  constructor(
    db: StackDb,
    /** Ids of the enabled inference providers, in config order. */
    private readonly inferenceProviderIds: readonly string[],
  ) {
    super(db, "model", "Model", (body) => ModelSchema.parse(body), HINT);
  }

  /**
   * By identifier, or (as upstream allows for old clients) by a provider model id that exactly
   * one visible model has.
   */
  async resolve(modelId: string, access: AccessContext): Promise<Model> {
    const key = `${access.enforced ? (access.principal ?? "") : "*"}\u0000${modelId}`;
    const hit = this.resolved.get(key);
    if (hit && performance.now() - hit.at < RESOLVE_TTL_MS) return hit.model;
    const model = await this.resolveUncached(modelId, access);
    this.resolved.set(key, { model, at: performance.now() });
    return model;
  }

  protected override invalidate(): void {
    this.resolved.clear();
  }

  private async resolveUncached(modelId: string, access: AccessContext): Promise<Model> {
    const found = await this.find(modelId, access);
    if (found) return found.resource;
    const matches = (await this.list(access)).filter((m) => m.provider_resource_id === modelId);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new InvalidRequestError(
        `Model '${modelId}' is ambiguous: ${matches.map((m) => m.identifier).join(", ")}. Use the full 'provider_id/model_id' identifier.`,
        { param: "model" },
      );
    }
    throw this.notFound(modelId);
  }

  async registerFromApi(request: RegisterModelRequest, access: AccessContext): Promise<Model> {
    return this.register(this.build(request), access);
  }

  async syncConfigured(models: RunConfig["registered_resources"]["models"]): Promise<void> {
    await this.sync(
      "config",
      models.map((m) =>
        this.build({
          model_id: m.model_id,
          provider_id: m.provider_id,
          model_type: m.model_type,
          metadata: m.metadata,
          ...(m.provider_model_id ? { provider_model_id: m.provider_model_id } : {}),
          ...(m.model_validation != null ? { model_validation: m.model_validation } : {}),
        }),
      ),
    );
  }

  /**
   * Replace what a provider reported last time with what it reports now. Returns the ids it
   * skipped because they are longer than a model id may be, for the caller to log.
   */
  async syncDiscovered(providerId: string, discovered: ProviderModel[]): Promise<string[]> {
    const tooLong = (m: ProviderModel) =>
      utf8Length(`${providerId}/${m.providerModelId}`) > STORED_STRING_LIMITS.resourceId;
    const models = discovered
      .filter((m) => !tooLong(m))
      .map((m) =>
        this.build({
          model_id: m.providerModelId,
          provider_id: providerId,
          provider_model_id: m.providerModelId,
          model_type: m.modelType,
          metadata: m.metadata ?? {},
        }),
      );
    await this.sync("discovery", models, { providerId });
    return discovered.filter(tooLong).map((m) => m.providerModelId);
  }

  toOpenAI(model: Model, created: number): OpenAIModel {
    return {
      id: model.identifier,
      object: "model",
      created,
      owned_by: "llama_stack",
      custom_metadata: {
        model_type: model.model_type,
        provider_id: model.provider_id,
        provider_resource_id: model.provider_resource_id,
        ...model.metadata,
      },
    };
  }

  private build(request: RegisterModelRequest): Model {
    const providerId = request.provider_id ?? this.defaultProvider(request.model_id);
    if (!this.inferenceProviderIds.includes(providerId)) {
      throw new InvalidRequestError(
        `Inference provider '${providerId}' is not configured. Configured: ${this.inferenceProviderIds.join(", ") || "none"}.`,
        { param: "provider_id" },
      );
    }
    const modelType = request.model_type ?? "llm";
    const metadata = request.metadata ?? {};
    if (modelType === "embedding" && !isPositiveInt(metadata.embedding_dimension)) {
      throw new InvalidRequestError(
        "An embedding model needs a positive integer 'embedding_dimension' in its metadata.",
        { param: "metadata.embedding_dimension" },
      );
    }
    const identifier = request.model_id.startsWith(`${providerId}/`)
      ? request.model_id
      : `${providerId}/${request.model_id}`;
    assertStoredLength(identifier, STORED_STRING_LIMITS.resourceId, "model_id");
    if (request.provider_model_id) {
      assertStoredLength(
        request.provider_model_id,
        STORED_STRING_LIMITS.providerModelId,
        "provider_model_id",
      );
    }
    return {
      identifier,
      provider_id: providerId,
      provider_resource_id: request.provider_model_id ?? stripPrefix(request.model_id, providerId),
      model_type: modelType,
      metadata,
      ...(request.model_validation !== undefined ? { model_validation: request.model_validation } : {}),
      type: "model",
    };
  }

  private defaultProvider(modelId: string): string {
    if (this.inferenceProviderIds.length === 1) return this.inferenceProviderIds[0]!;
    const prefix = modelId.split("/")[0]!;
    if (this.inferenceProviderIds.includes(prefix)) return prefix;
    throw new InvalidRequestError(
      this.inferenceProviderIds.length === 0
        ? "No inference provider is configured, so no model can be registered."
        : `Specify provider_id for model '${modelId}': several inference providers are configured (${this.inferenceProviderIds.join(", ")}).`,
      { param: "provider_id" },
    );
  }
}

function stripPrefix(modelId: string, providerId: string): string {
  return modelId.startsWith(`${providerId}/`) ? modelId.slice(providerId.length + 1) : modelId;
}

function isPositiveInt(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
