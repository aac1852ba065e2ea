import { isRecord } from "./is-record.ts";
import { guessLanguage, type Language } from "./language.ts";

/** Argument keys whose string values are code (also as a suffix, `python_code`, and plural, `commands`). */
const CODE_KEY =
  /^(?:.*_)?(?:code|script|command|cmd|query|sql|source|program|shell|bash|python|javascript|js|statement)s?$/;

const TOOL_NAME_HINTS: ReadonlyArray<[Language, (words: Set<string>) => boolean]> = [
  [
    "python",
    (w) =>
      ["python", "py", "ipython", "jupyter", "notebook"].some((x) => w.has(x)) ||
      (w.has("code") && w.has("interpreter")),
  ],
  [
    "javascript",
    (w) => ["javascript", "js", "node", "nodejs", "typescript", "ts", "deno"].some((x) => w.has(x)),
  ],
  [
    "sql",
    (w) =>
      ["sql", "database", "db", "postgres", "postgresql", "mysql", "sqlite"].some((x) => w.has(x)) ||
      (w.has("query") && !w.has("search") && !w.has("web")),
  ],
  [
    "shell",
    (w) =>
      ["bash", "shell", "sh", "zsh", "terminal", "command", "cmd", "exec", "execute"].some((x) => w.has(x)),
  ],
];

/** The language a tool's name implies: `code_interpreter` → python, `run_command` → shell, `query_db` → sql. */
export function languageFromToolName(name: string): Language | undefined {
  const words = new Set(
    name
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== ""),
  );
  return TOOL_NAME_HINTS.find(([, hint]) => hint(words))?.[0];
}

function languageFromKey(key: string): Language | undefined {
  const k = key.toLowerCase();
  if (/(?:^|_)sql$/.test(k)) return "sql";
  if (/(?:^|_)(?:command|cmd|shell|bash)s?$/.test(k)) return "shell";
  if (/(?:^|_)python$/.test(k)) return "python";
  if (/(?:^|_)(?:javascript|js)$/.test(k)) return "javascript";
  return undefined;
}

function collect(
  value: unknown,
  key: string,
  depth: number,
  out: Array<{ key: string; code: string }>,
): void {
  if (typeof value === "string") {
    if (CODE_KEY.test(key.toLowerCase()) && value.trim() !== "") out.push({ key, code: value });
  } else if (Array.isArray(value) && depth < 4) {
    for (const item of value) collect(item, key, depth + 1, out);
  } else if (isRecord(value) && depth < 4) {
    for (const [k, v] of Object.entries(value)) collect(v, k, depth + 1, out);
  }
}

/**
 * The code in one tool call. `args` is the function's `arguments`: a JSON string (or an already parsed
 * object). From an object, string fields with code-like keys are taken (nested too); a JSON string
 * value, or arguments that are not JSON at all, are the code themselves. The language comes from the
 * tool name, then the key, then `guessLanguage`.
 */
export function toolCallCode(name: string, args: unknown): Array<{ language: Language; code: string }> {
  let parsed: unknown = args;
  if (typeof args === "string") {
    try {
      parsed = JSON.parse(args);
    } catch {
      parsed = args;
    }
  }
  const found: Array<{ key: string; code: string }> = [];
  if (typeof parsed === "string") {
    if (parsed.trim() !== "") found.push({ key: "", code: parsed });
  } else {
    collect(parsed, "", 0, found);
  }
  const fromName = languageFromToolName(name);
  return found.map(({ key, code }) => ({
    language: fromName ?? languageFromKey(key) ?? guessLanguage(code),
    code,
  }));
}
