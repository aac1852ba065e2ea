import { UpstreamError } from "@llama-stack-ts/api";
import { z } from "zod";
import { fetchVendorJson } from "./fetch-vendor-json.ts";
import type { VendorSearchOptions, WebSearchResult } from "./web-search-result.ts";

// https://docs.tavily.com/documentation/api-reference/endpoint/search
const TavilyResponseSchema = z.looseObject({
  results: z.array(z.looseObject({ title: z.string(), url: z.string(), content: z.string().default("") })),
});
const TavilyErrorSchema = z.looseObject({
  detail: z.union([z.string(), z.looseObject({ error: z.string() })]),
});

/** Tavily: `POST /search` with `{query, max_results}` and the key as a bearer token. */
export async function searchTavily(options: VendorSearchOptions): Promise<WebSearchResult[]> {
  const body = await fetchVendorJson(
    "Tavily",
    options.baseUrl,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify({ query: options.query, max_results: options.maxResults }),
      signal: options.signal,
    },
    (error) => {
      const parsed = TavilyErrorSchema.safeParse(error);
      if (!parsed.success) return undefined;
      return typeof parsed.data.detail === "string" ? parsed.data.detail : parsed.data.detail.error;
    },
  );
  const parsed = TavilyResponseSchema.safeParse(body);
  if (!parsed.success) throw new UpstreamError("Tavily answered in an unexpected shape.");
  return parsed.data.results.slice(0, options.maxResults).map((result) => ({
    title: result.title,
    url: result.url,
    snippet: result.content,
    source: "tavily",
  }));
}
