import type { WebSearchVendor } from "./web-search-config.ts";

/** One hit, the same shape whichever vendor found it; `source` names the vendor. */
export interface WebSearchResult {
  title: string;
  url: string;
  snippet: string;
  source: WebSearchVendor;
}

/** What a vendor adapter needs for one search. */
export interface VendorSearchOptions {
  query: string;
  apiKey: string;
  maxResults: number;
  baseUrl: string;
  signal: AbortSignal;
}
