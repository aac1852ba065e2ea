import { z } from "zod";

export const WEB_SEARCH_VENDORS = ["brave", "tavily", "bing"] as const;
export type WebSearchVendor = (typeof WEB_SEARCH_VENDORS)[number];

/** Where each vendor answers; tests point these at local stand-ins. */
export const DEFAULT_BASE_URLS: Record<WebSearchVendor, string> = {
  brave: "https://api.search.brave.com/res/v1/web/search",
  tavily: "https://api.tavily.com/search",
  bing: "https://api.bing.microsoft.com/v7.0/search",
};

/** The `X-LlamaStack-Provider-Data` field each vendor's key is read from (upstream's names). */
export const PROVIDER_DATA_KEYS: Record<WebSearchVendor, string> = {
  brave: "brave_search_api_key",
  tavily: "tavily_search_api_key",
  bing: "bing_search_api_key",
};

export const WebSearchConfigSchema = z
  .strictObject({
    /** Unset: the first vendor (brave, tavily, bing) whose key the request's provider data carries. */
    vendor: z.enum(WEB_SEARCH_VENDORS).optional(),
    /** The vendor's key; without it each request must carry one in its provider data. */
    api_key: z.string().min(1).optional(),
    max_results: z.number().int().min(1).max(20).default(3),
    base_urls: z
      .strictObject({ brave: z.url().optional(), tavily: z.url().optional(), bing: z.url().optional() })
      .default({}),
    timeout_ms: z.number().int().positive().default(15_000),
  })
  // A key means nothing without knowing whose it is.
  .refine((config) => config.api_key === undefined || config.vendor !== undefined, {
    message: "api_key needs vendor (brave, tavily or bing)",
    path: ["vendor"],
  });
export type WebSearchConfig = z.infer<typeof WebSearchConfigSchema>;
