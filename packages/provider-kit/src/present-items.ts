type Item = { type: string } & Record<string, unknown>;

/**
 * A stored item as a reader sees it. Items are stored whole — a later turn's model must read what
 * a search or the interpreter answered — and OpenAI shows those results only when `include`
 * asks for them: file search results and interpreter outputs are null otherwise, a web search's
 * sources absent. A web search's text for the model (`output`) is never shown: OpenAI's item has
 * no such field.
 */
export function presentItem<T extends Item>(item: T, include: ReadonlySet<string>): T {
  switch (item.type) {
    case "file_search_call":
      return include.has("file_search_call.results") ? item : { ...item, results: null };
    case "code_interpreter_call":
      return include.has("code_interpreter_call.outputs") ? item : { ...item, outputs: null };
    case "web_search_call": {
      const { output: _forModel, ...shown } = item;
      const action = shown.action as Record<string, unknown> | undefined;
      if (!action || include.has("web_search_call.action.sources") || !("sources" in action))
        return shown as unknown as T;
      const { sources: _sources, ...rest } = action;
      return { ...shown, action: rest } as unknown as T;
    }
    default:
      return item;
  }
}

export function presentItems<T extends Item>(items: readonly T[], include: ReadonlySet<string>): T[] {
  return items.map((item) => presentItem(item, include));
}

/** `include` as sent (absent, one value or a list) as a set. */
export function includeSet(include: readonly string[] | string | null | undefined): Set<string> {
  if (include == null) return new Set();
  return new Set(typeof include === "string" ? [include] : include);
}
