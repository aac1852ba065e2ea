import { ApiNameSchema } from "@llama-stack-ts/api";
import { builtinProviders } from "../builtin-providers.ts";

/** `llama-stack-ts list-apis`: every API a run config can enable, with its built-in providers. */
export function listApisCommand(): string {
  const registry = builtinProviders();
  const rows = ApiNameSchema.options.map((api) => {
    const types = registry
      .list()
      .filter((m) => m.api === api)
      .map((m) => m.providerType);
    return [api, types.join(", ") || "-"] as const;
  });
  const width = Math.max(...rows.map(([api]) => api.length));
  return [
    `${"API".padEnd(width)}  BUILT-IN PROVIDERS`,
    ...rows.map(([api, types]) => `${api.padEnd(width)}  ${types}`),
  ].join("\n");
}
