import { UpstreamError } from "@llama-stack-ts/api";
import { z } from "zod";
import { fetchVendorJson } from "./fetch-vendor-json.ts";
import type { VendorSearchOptions, WebSearchResult } from "./web-search-result.ts";

// https://learn.microsoft.com/en-us/bing/search-apis/bing-web-search/reference/response-objects
const BingResponseSchema = z.looseObject({
  webPages: z
    .looseObject({
      value: z.array(z.looseObject({ name: z.string(), url: z.string(), snippet: z.string().default("") })),
    })
    .optional(),
});
const BingErrorSchema = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string() }),
});

/** Bing Web Search v7: `GET /v7.0/search?q=&count=` with the key in `Ocp-Apim-Subscription-Key`. */
export async function searchBing(options: VendorSearchOptions): Promise<WebSearchResult[]> {
  const url = new URL(options.baseUrl);
  url.searchParams.set("q", options.query);
  url.searchParams.set("count", String(options.maxResults));
  // Plain text: Bing's default decorations put HTML-ish markers into snippets.
  url.searchParams.set("textDecorations", "false");
  url.searchParams.set("textFormat", "Raw");
  const body = await fetchVendorJson(
    "Bing Search",
    url.href,
    { headers: { "ocp-apim-subscription-key": options.apiKey }, signal: options.signal },
    (error) => {
      const parsed = BingErrorSchema.safeParse(error);
      return parsed.success ? parsed.data.error.message : undefined;
    },
  );
  const parsed = BingResponseSchema.safeParse(body);
  if (!parsed.success) throw new UpstreamError("Bing Search answered in an unexpected shape.");
  return (parsed.data.webPages?.value ?? []).slice(0, options.maxResults).map((result) => ({
    title: result.name,
    url: result.url,
    snippet: result.snippet,
    source: "bing",
  }));
}
