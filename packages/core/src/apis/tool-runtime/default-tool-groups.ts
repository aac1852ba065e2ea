import type { Logger, ToolGroup, ToolRuntimeProvider } from "@llama-stack-ts/api";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";

/**
 * Register each tool-runtime provider's default groups (`builtin::websearch`, …), as upstream
 * does for built-in tool groups. Shared, re-synced on every start; a group the run config
 * registers itself keeps the config's entry.
 */
export async function registerDefaultToolGroups(
  providers: ProviderSet,
  table: ResourceTable<ToolGroup>,
  configured: ReadonlySet<string>,
  logger: Logger,
): Promise<void> {
  // Two providers of one kind (Tavily and Brave both offering builtin::websearch): the first listed serves it.
  const claimed = new Map<string, string>();
  for (const provider of providers.byApi("tool_runtime")) {
    const defaults = (provider.instance as ToolRuntimeProvider).defaultToolGroups ?? [];
    for (const id of defaults) {
      const first = claimed.get(id);
      if (first)
        logger.warn("tool group offered by two providers; the first serves it", {
          toolgroup: id,
          serves: first,
          skipped: provider.providerId,
        });
    }
    const groups = defaults
      .filter((id) => !configured.has(id) && !claimed.has(id))
      .map(
        (id): ToolGroup => ({
          identifier: id,
          provider_id: provider.providerId,
          provider_resource_id: id,
          type: "tool_group",
        }),
      );
    for (const group of groups) claimed.set(group.identifier, provider.providerId);
    await table.sync("discovery", groups, { providerId: provider.providerId });
    if (groups.length)
      logger.debug("tool groups registered", { provider: provider.providerId, groups: defaults });
  }
}
