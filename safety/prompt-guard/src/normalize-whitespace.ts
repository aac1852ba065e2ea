/**
 * Runs of whitespace become one space and the ends are trimmed, as LlamaFirewall does before
 * Prompt Guard: padding an attack with spaces, tabs or newlines does not dilute it.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
