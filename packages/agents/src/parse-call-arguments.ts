/**
 * A tool call's arguments as an object; text that is not a JSON object gives `{}`, so the tool
 * itself answers that its arguments are missing (a result the model reads, not a failed response).
 */
export function parseCallArguments(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
