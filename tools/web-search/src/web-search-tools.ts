import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { z } from "zod";
import { resolveVendorKey } from "./resolve-vendor-key.ts";
import { searchBing } from "./search-bing.ts";
import { searchBrave } from "./search-brave.ts";
import { searchTavily } from "./search-tavily.ts";
import {
  DEFAULT_BASE_URLS,
  type WebSearchConfig,
  WebSearchConfigSchema,
  type WebSearchVendor,
} from "./web-search-config.ts";
import type { VendorSearchOptions, WebSearchResult } from "./web-search-result.ts";

const SEARCH: Record<WebSearchVendor, (options: VendorSearchOptions) => Promise<WebSearchResult[]>> = {
  brave: searchBrave,
  tavily: searchTavily,
  bing: searchBing,
};

// Upstream registers the group with `args: {max_results}`; honour it over the config's default.
const GroupArgsSchema = z.looseObject({ max_results: z.number().int().min(1).max(20).optional() });

/**
 * `remote::web-search`: one provider for Brave, Tavily and Bing (the vendor is configuration, or
 * follows the key a request carries), offering `web_search {query}` in `builtin::websearch`.
 * The content is JSON `{query, results: [{title, url, snippet, source}]}`.
 */
export const webSearchTools = defineToolGroup<WebSearchConfig>({
  type: "remote::web-search",
  description: "Web search through Brave, Tavily or Bing, results in one shape.",
  configSchema: WebSearchConfigSchema,
  secretKeys: ["api_key"],
  defaultToolGroups: ["builtin::websearch"],
  create({ config }) {
    const webSearch = defineTool({
      name: "web_search",
      description: "Search the web; returns titles, URLs and snippets of the top results.",
      parameters: z.object({ query: z.string().min(1).describe("What to search for") }),
      timeoutMs: config.timeout_ms,
      async handler({ query }, call) {
        const { vendor, apiKey } = resolveVendorKey(config, call.providerData);
        const groupArgs = GroupArgsSchema.safeParse(call.toolGroup.args ?? {});
        const results = await SEARCH[vendor]({
          query,
          apiKey,
          maxResults: (groupArgs.success ? groupArgs.data.max_results : undefined) ?? config.max_results,
          baseUrl: config.base_urls[vendor] ?? DEFAULT_BASE_URLS[vendor],
          signal: call.signal,
        });
        return { content: JSON.stringify({ query, results }), metadata: { vendor, results } };
      },
    });
    return { tools: () => [webSearch] };
  },
});
