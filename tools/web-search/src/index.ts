export { searchBing } from "./search-bing.ts";
export { searchBrave } from "./search-brave.ts";
export { searchTavily } from "./search-tavily.ts";
export {
  DEFAULT_BASE_URLS,
  PROVIDER_DATA_KEYS,
  WEB_SEARCH_VENDORS,
  type WebSearchConfig,
  WebSearchConfigSchema,
  type WebSearchVendor,
} from "./web-search-config.ts";
export type { VendorSearchOptions, WebSearchResult } from "./web-search-result.ts";
export { webSearchTools, webSearchTools as default } from "./web-search-tools.ts";
