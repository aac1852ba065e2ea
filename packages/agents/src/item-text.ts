/** The text of an item's content: a string, or its text, output_text and refusal parts joined. */
export function itemText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content))
    return content === undefined || content === null ? "" : JSON.stringify(content);
  return content
    .map((part) => {
      if (typeof part !== "object" || part === null) return "";
      const p = part as { type?: string; text?: unknown; refusal?: unknown; logs?: unknown };
      if (typeof p.text === "string") return p.text;
      if (typeof p.refusal === "string") return p.refusal;
      if (typeof p.logs === "string") return p.logs;
      return "";
    })
    .join("");
}
