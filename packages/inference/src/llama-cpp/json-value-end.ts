import type { LlamaGrammar } from "node-llama-cpp";

/**
 * Where a grammar-constrained JSON value ends in the output: just past the brace or bracket that
 * closes a top-level object or array, or, for a scalar root, where one of the grammar's stop
 * triggers starts (node-llama-cpp's JSON grammars end in "\n\n\n\n" after the value, and only
 * whitespace is allowed from the closing brace on, so generation would otherwise run on to
 * max_tokens). Scans only what is new on each call.
 */
export class JsonValueEnd {
  private scanned: number;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Index just past the value; -1 while it goes on. */
  end = -1;

  /** `start`: where the JSON begins in the output (after `<|python_tag|>`, for instance). */
  constructor(
    readonly start: number,
    private readonly triggers: readonly string[],
  ) {
    this.scanned = start;
  }

  /** Watches the output of `grammar`, a JSON grammar, from `start`, with its stop triggers that are text. */
  static of(grammar: LlamaGrammar, start = 0): JsonValueEnd {
    const triggers = grammar.stopGenerationTriggers.flatMap((trigger) => {
      if (typeof trigger === "string") return [trigger];
      if (!Array.isArray(trigger)) return [trigger.toString()];
      return trigger.every((item) => typeof item === "string") ? [trigger.join("")] : [];
    });
    return new JsonValueEnd(start, triggers);
  }

  /** Scans `text` (the whole output so far) from where the last call stopped; returns {@link end}. */
  find(text: string): number {
    if (this.end >= 0) return this.end;
    const from = this.scanned;
    for (; this.scanned < text.length; this.scanned++) {
      const char = text[this.scanned];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === "\\") this.escaped = true;
        else if (char === '"') this.inString = false;
      } else if (char === '"') {
        this.inString = true;
      } else if (char === "{" || char === "[") {
        this.depth++;
      } else if ((char === "}" || char === "]") && --this.depth === 0) {
        this.end = this.scanned + 1;
        return this.end;
      }
    }
    if (this.depth > 0) return -1;
    for (const trigger of this.triggers) {
      const at = text.indexOf(trigger, Math.max(this.start, from - trigger.length + 1));
      if (at >= 0 && (this.end < 0 || at < this.end)) this.end = at;
    }
    return this.end;
  }
}
