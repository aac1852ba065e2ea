import { UpstreamError } from "@llama-stack-ts/api";
import { z } from "zod";
import { fetchVendorJson } from "./fetch-vendor-json.ts";
import type { VendorSearchOptions, WebSearchResult } from "./web-search-result.ts";

// https://api-dashboard.search.brave.com/app/documentation/web-search/responses
const BraveResponseSchema = z.looseObject({
  web: z
    .looseObject({
      results: z.array(
        z.looseObject({ title: z.string(), url: z.string(), description: z.string().default("") }),
      ),
    })
    .optional(),
});
const BraveErrorSchema = z.looseObject({
  error: z.looseObject({ detail: z.string().optional(), code: z.string().optional() }),
});

/** Brave Search: `GET /res/v1/web/search?q=&count=` with the key in `X-Subscription-Token`. */
export async function searchBrave(options: VendorSearchOptions): Promise<WebSearchResult[]> {
  const url = new URL(options.baseUrl);
  url.searchParams.set("q", options.query);
  url.searchParams.set("count", String(options.maxResults));
  const body = await fetchVendorJson(
    "Brave Search",
    url.href,
    {
      headers: { accept: "application/json", "x-subscription-token": options.apiKey },
      signal: options.signal,
    },
    (error) => {
      const parsed = BraveErrorSchema.safeParse(error);
      return parsed.success ? (parsed.data.error.detail ?? parsed.data.error.code) : undefined;
    },
  );
  const parsed = BraveResponseSchema.safeParse(body);
  if (!parsed.success) throw new UpstreamError("Brave Search answered in an unexpected shape.");
  return (parsed.data.web?.results ?? []).slice(0, options.maxResults).map((result) => ({
    title: result.title,
    url: result.url,
    snippet: result.description,
    source: "brave",
  }));
}
