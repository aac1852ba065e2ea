import { z } from "zod";

/** The `X-LlamaStack-Provider-Data` field a request's key is read from (upstream's name). */
export const WOLFRAM_ALPHA_PROVIDER_DATA_KEY = "wolfram_alpha_api_key";

export const WolframAlphaConfigSchema = z.strictObject({
  /** The AppID; without it each request must carry one in its provider data. */
  api_key: z.string().min(1).optional(),
  /** The Full Results API; tests point it at a local stand-in. */
  base_url: z.url().default("https://api.wolframalpha.com/v2/query"),
  timeout_ms: z.number().int().positive().default(20_000),
});
export type WolframAlphaConfig = z.infer<typeof WolframAlphaConfigSchema>;
