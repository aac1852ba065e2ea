import { InvalidRequestError } from "@llama-stack-ts/api";
import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { z } from "zod";
import { queryWolframAlpha } from "./query-wolfram-alpha.ts";
import {
  WOLFRAM_ALPHA_PROVIDER_DATA_KEY,
  type WolframAlphaConfig,
  WolframAlphaConfigSchema,
} from "./wolfram-alpha-config.ts";

/**
 * `remote::wolfram-alpha`: `wolfram_alpha {query}` in `builtin::wolfram_alpha`. The content is the
 * answer's pods as plain text (`Title: text` lines); `metadata.pods` holds them structured.
 */
export const wolframAlphaTools = defineToolGroup<WolframAlphaConfig>({
  type: "remote::wolfram-alpha",
  description: "Computational knowledge from Wolfram|Alpha.",
  configSchema: WolframAlphaConfigSchema,
  secretKeys: ["api_key"],
  defaultToolGroups: ["builtin::wolfram_alpha"],
  create({ config }) {
    const wolframAlpha = defineTool({
      name: "wolfram_alpha",
      description: "Ask Wolfram|Alpha to compute or look up something: maths, units, science, data.",
      parameters: z.object({ query: z.string().min(1).describe("The question or expression to compute") }),
      timeoutMs: config.timeout_ms,
      async handler({ query }, call) {
        const fromHeader = call.providerData?.[WOLFRAM_ALPHA_PROVIDER_DATA_KEY];
        const appId =
          config.api_key ?? (typeof fromHeader === "string" && fromHeader ? fromHeader : undefined);
        if (!appId) {
          throw new InvalidRequestError(
            `Wolfram|Alpha has no API key: set 'api_key' in the provider's config or pass ` +
              `'${WOLFRAM_ALPHA_PROVIDER_DATA_KEY}' in the X-LlamaStack-Provider-Data header.`,
            { param: WOLFRAM_ALPHA_PROVIDER_DATA_KEY },
          );
        }
        const pods = await queryWolframAlpha({ query, appId, baseUrl: config.base_url, signal: call.signal });
        const text = pods.map((pod) => `${pod.title}: ${pod.texts.join("\n")}`).join("\n");
        return { content: text, metadata: { pods } };
      },
    });
    return { tools: () => [wolframAlpha] };
  },
});
