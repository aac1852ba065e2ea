import { InvalidRequestError } from "@llama-stack-ts/api";
import {
  PROVIDER_DATA_KEYS,
  WEB_SEARCH_VENDORS,
  type WebSearchConfig,
  type WebSearchVendor,
} from "./web-search-config.ts";

/**
 * Which vendor to ask and with which key: the configured vendor and key first, then the
 * request's `X-LlamaStack-Provider-Data`. Missing keys name both places a key can come from.
 */
export function resolveVendorKey(
  config: WebSearchConfig,
  providerData: Record<string, unknown> | undefined,
): { vendor: WebSearchVendor; apiKey: string } {
  const fromHeader = (vendor: WebSearchVendor) => {
    const value = providerData?.[PROVIDER_DATA_KEYS[vendor]];
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };
  if (config.vendor) {
    const apiKey = config.api_key ?? fromHeader(config.vendor);
    if (apiKey) return { vendor: config.vendor, apiKey };
    throw new InvalidRequestError(
      `Web search (${config.vendor}) has no API key: set 'api_key' in the provider's config or pass ` +
        `'${PROVIDER_DATA_KEYS[config.vendor]}' in the X-LlamaStack-Provider-Data header.`,
      { param: PROVIDER_DATA_KEYS[config.vendor] },
    );
  }
  for (const vendor of WEB_SEARCH_VENDORS) {
    const apiKey = fromHeader(vendor);
    if (apiKey) return { vendor, apiKey };
  }
  const fields = WEB_SEARCH_VENDORS.map((vendor) => `'${PROVIDER_DATA_KEYS[vendor]}'`).join(", ");
  throw new InvalidRequestError(
    `Web search has no API key: set 'vendor' and 'api_key' in the provider's config or pass one of ` +
      `${fields} in the X-LlamaStack-Provider-Data header.`,
    { param: "api_key" },
  );
}
