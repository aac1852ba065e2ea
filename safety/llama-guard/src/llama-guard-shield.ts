import {
  type CallOptions,
  type ChatMessage,
  InvalidRequestError,
  type Logger,
  type ModerationResult,
  type ProviderHealth,
  UpstreamError,
} from "@llama-stack-ts/api";
import { defineShield } from "@llama-stack-ts/provider-kit";
import { askGuardModel, type GuardInference } from "./ask-guard-model.ts";
import { buildGuardPrompt } from "./build-guard-prompt.ts";
import { activeCategories } from "./categories.ts";
import { GuardInputError } from "./guard-input-error.ts";
import type { GuardTurn } from "./guard-turn.ts";
import type { GuardVerdict } from "./guard-verdict.ts";
import { GuardVerdictError } from "./guard-verdict-error.ts";
import { type LlamaGuardConfig, LlamaGuardConfigSchema } from "./llama-guard-config.ts";
import { normalizeGuardMessages } from "./normalize-guard-messages.ts";
import { parseVerdict } from "./parse-verdict.ts";
import { toModerationResult } from "./to-moderation-result.ts";
import { toViolation } from "./to-violation.ts";

interface Judgement {
  verdict: GuardVerdict;
  unsafeProbability?: number;
}

/**
 * `inline::llama-guard`: asks a Llama Guard 3/4 model, served by any inference provider, whether the
 * last turn is safe. The shield's `provider_resource_id` is the model id; it decides the categories
 * (13 for the 1B, 11B-Vision and 4-12B, 14 otherwise).
 *
 * Failures are thrown so the router can apply the shield's `on_error`: bad messages are a 400; an
 * answer that is not a verdict is an `UpstreamError` (502: the guard model, not the caller, failed).
 */
export const llamaGuardShield = defineShield({
  type: "inline::llama-guard",
  description:
    "Classifies conversations as safe or unsafe (S1–S14) with a Llama Guard model served by inference.",
  configSchema: LlamaGuardConfigSchema,
  create(context) {
    const { config, logger } = context;
    // Looked up per call: the inference router is registered after providers are created.
    const inference = () => context.api("inference");
    return {
      async run(messages, call) {
        const turns = guardTurns(messages);
        const judgement = await judge(inference(), turns, call.providerShieldId, config, call, logger);
        const violation = toViolation(judgement.verdict);
        if (!violation || judgement.unsafeProbability === undefined) return violation;
        return {
          ...violation,
          metadata: { ...violation.metadata, unsafe_probability: judgement.unsafeProbability },
        };
      },
      async moderate(inputs, call): Promise<ModerationResult[]> {
        // Upstream: every input is a `User:` turn of one prompt, and one result answers them all.
        const turns = inputs.map((text) => ({ role: "user", text }));
        const { verdict, unsafeProbability } = await judge(
          inference(),
          turns,
          call.providerShieldId,
          config,
          call,
          logger,
        );
        return [
          toModerationResult(
            verdict,
            unsafeProbability === undefined ? {} : { unsafeScore: unsafeProbability },
          ),
        ];
      },
      async health(): Promise<ProviderHealth> {
        try {
          inference();
          return { status: "OK" };
        } catch (error) {
          return {
            status: "Error",
            message: `Llama Guard needs the inference API: ${(error as Error).message}`,
          };
        }
      },
    };
  },
});

function guardTurns(messages: ChatMessage[]): GuardTurn[] {
  try {
    return normalizeGuardMessages(messages);
  } catch (error) {
    if (error instanceof GuardInputError) {
      throw new InvalidRequestError(error.message, { param: error.param, cause: error });
    }
    throw error;
  }
}

async function judge(
  inference: GuardInference,
  turns: GuardTurn[],
  model: string,
  config: LlamaGuardConfig,
  call: CallOptions,
  logger: Logger,
): Promise<Judgement> {
  const excluded = config.excluded_categories;
  const categories = activeCategories(model, excluded);
  const prompt = buildGuardPrompt({ turns, categories, template: config.template });
  const answer = await askGuardModel({ inference, model, prompt, categories, config, call });
  let verdict: GuardVerdict;
  try {
    verdict = parseVerdict(answer.text, { categories, excluded });
  } catch (error) {
    if (error instanceof GuardVerdictError) {
      throw new UpstreamError(`Llama Guard model '${model}': ${error.message}`, {
        code: "invalid_guard_verdict",
        cause: error,
      });
    }
    throw error;
  }
  if (!verdict.safe && verdict.notInPrompt) {
    logger.warn("Llama Guard flagged categories that were not in its prompt", {
      model,
      codes: verdict.notInPrompt,
    });
  }
  return answer.unsafeProbability === undefined
    ? { verdict }
    : { verdict, unsafeProbability: answer.unsafeProbability };
}
