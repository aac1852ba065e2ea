import type { ParsedToolCall } from "./parsed-tool-call.ts";

class NotPython extends Error {}

/** Own-property assignment, so a key named `__proto__` stays data (as with JSON.parse). */
function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const NAME = /[A-Za-z_][\w.-]*/y;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0" };

/**
 * Reads the small Python subset Llama writes in calls: keyword arguments whose values are strings,
 * numbers, True/False/None (any case; JSON's true/false/null too), lists, tuples and dicts (with `:`
 * or llama-stack's `=`). Bare words are kept as strings, as models sometimes forget quotes.
 */
class PythonReader {
  private index = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skipSpace();
    return this.index >= this.text.length;
  }

  call(): ParsedToolCall {
    const name = this.name();
    this.expect("(");
    const args: Record<string, unknown> = {};
    this.sequence(")", () => {
      const key = this.name();
      this.expect("=");
      setEntry(args, key, this.value());
    });
    return { name, arguments: args };
  }

  /** Items separated by commas up to `close`; a trailing comma is allowed. */
  sequence(close: string, item: () => void): void {
    if (this.eat(close)) return;
    for (;;) {
      item();
      if (this.eat(close)) return;
      this.expect(",");
      if (this.eat(close)) return;
    }
  }

  expect(char: string): void {
    if (!this.eat(char)) throw new NotPython();
  }

  eat(char: string): boolean {
    this.skipSpace();
    if (this.text[this.index] !== char) return false;
    this.index++;
    return true;
  }

  private skipSpace(): void {
    while (this.index < this.text.length && /\s/.test(this.text[this.index]!)) this.index++;
  }

  private match(pattern: RegExp): string | null {
    this.skipSpace();
    pattern.lastIndex = this.index;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.index = pattern.lastIndex;
    return found[0];
  }

  private name(): string {
    const name = this.match(NAME);
    if (name === null) throw new NotPython();
    return name;
  }

  private value(): unknown {
    this.skipSpace();
    const char = this.text[this.index];
    if (char === '"' || char === "'") return this.string(char);
    if (this.eat("[")) return this.list("]");
    if (this.eat("(")) return this.list(")");
    if (this.eat("{")) return this.dict();
    const number = this.match(NUMBER);
    if (number !== null) return Number(number);
    const word = this.name();
    const lower = word.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    if (lower === "none" || lower === "null") return null;
    return word;
  }

  private list(close: string): unknown[] {
    const items: unknown[] = [];
    this.sequence(close, () => items.push(this.value()));
    return items;
  }

  private dict(): Record<string, unknown> {
    const entries: Record<string, unknown> = {};
    this.sequence("}", () => {
      const key = String(this.value());
      if (!this.eat(":")) this.expect("=");
      setEntry(entries, key, this.value());
    });
    return entries;
  }

  private string(quote: string): string {
    let result = "";
    for (let at = this.index + 1; at < this.text.length; at++) {
      const char = this.text[at]!;
      if (char === quote) {
        this.index = at + 1;
        return result;
      }
      if (char !== "\\") {
        result += char;
        continue;
      }
      const next = this.text[++at] ?? "";
      const hex = next === "u" ? 4 : next === "x" ? 2 : 0;
      const code = hex ? this.text.slice(at + 1, at + 1 + hex) : "";
      if (hex && /^[0-9a-fA-F]+$/.test(code) && code.length === hex) {
        result += String.fromCharCode(Number.parseInt(code, 16));
        at += hex;
      } else if (next === "\\" || next === "'" || next === '"' || next === "\n") {
        result += next === "\n" ? "" : next;
      } else {
        // Python keeps unknown escapes as written.
        result += ESCAPES[next] ?? `\\${next}`;
      }
    }
    throw new NotPython();
  }
}

/** `[f(a=1), g(b="x")]` → its calls; `null` when the whole text is not such a non-empty list. */
export function parsePythonCallList(text: string): ParsedToolCall[] | null {
  const reader = new PythonReader(text);
  try {
    reader.expect("[");
    const calls: ParsedToolCall[] = [];
    reader.sequence("]", () => calls.push(reader.call()));
    return calls.length > 0 && reader.atEnd() ? calls : null;
  } catch (error) {
    if (error instanceof NotPython) return null;
    throw error;
  }
}

/** One call `name(k=v, …)` making up the whole text, e.g. `brave_search.call(query="x")`. */
export function parsePythonCall(text: string): ParsedToolCall | null {
  const reader = new PythonReader(text);
  try {
    const call = reader.call();
    return reader.atEnd() ? call : null;
  } catch (error) {
    if (error instanceof NotPython) return null;
    throw error;
  }
}
