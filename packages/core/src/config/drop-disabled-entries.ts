/**
 * Upstream's opt-in pattern: a list entry whose `provider_id` resolved to empty or `__disabled__`
 * (e.g. `provider_id: ${env.OLLAMA_URL:+ollama}` with OLLAMA_URL unset) is removed, anywhere in the tree.
 */
export function dropDisabledEntries(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.filter((item) => !isDisabled(item)).map(dropDisabledEntries);
  }
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dropDisabledEntries(value)]));
  }
  return node;
}

function isDisabled(item: unknown): boolean {
  if (item === null || typeof item !== "object" || !("provider_id" in item)) return false;
  const id = (item as { provider_id: unknown }).provider_id;
  return id === null || id === "" || id === "__disabled__";
}
