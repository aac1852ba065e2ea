const MAX_SHOWN = 200;

/**
 * The Llama Guard model answered something that is neither `safe` nor `unsafe` with at least one
 * valid category code. The message shows at most ~200 characters of the answer; `response` keeps it whole.
 */
export class GuardVerdictError extends Error {
  readonly response: string;

  constructor(response: string) {
    super(`Unexpected Llama Guard response: ${truncate(response)}`);
    this.name = "GuardVerdictError";
    this.response = response;
  }
}

// Counts code points, so a surrogate pair (emoji) is never cut in half.
function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join("")}…` : text;
}
