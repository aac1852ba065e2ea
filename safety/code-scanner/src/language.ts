/** The language families the rule set knows. `unknown` snippets get the secret rules only (plus a guess). */
export type Language = "python" | "javascript" | "shell" | "sql" | "unknown";

export const LANGUAGES: readonly Language[] = ["python", "javascript", "shell", "sql", "unknown"];

const INFO_STRING_LANGUAGES: Readonly<Record<string, Language>> = {
  python: "python",
  python2: "python",
  python3: "python",
  py: "python",
  py3: "python",
  ipython: "python",
  ipython3: "python",
  pycon: "python",
  javascript: "javascript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  node: "javascript",
  nodejs: "javascript",
  typescript: "javascript",
  ts: "javascript",
  tsx: "javascript",
  mts: "javascript",
  cts: "javascript",
  sh: "shell",
  bash: "shell",
  shell: "shell",
  zsh: "shell",
  ksh: "shell",
  dash: "shell",
  console: "shell",
  "shell-session": "shell",
  shellsession: "shell",
  terminal: "shell",
  sql: "sql",
  postgres: "sql",
  postgresql: "sql",
  pgsql: "sql",
  plpgsql: "sql",
  psql: "sql",
  mysql: "sql",
  mariadb: "sql",
  sqlite: "sql",
  sqlite3: "sql",
  tsql: "sql",
  mssql: "sql",
  plsql: "sql",
};

/**
 * The language named by a markdown fence info string (```` ```py title="x" ````, ```` ```{python} ````,
 * ```` ```language-bash ````). Only the first word counts; anything not in our table is `unknown`.
 */
export function languageFromInfoString(info: string | undefined): Language {
  const first =
    (info ?? "")
      .trim()
      .split(/[\s,{}]+/)
      .find((word) => word !== "") ?? "";
  const word = first
    .toLowerCase()
    .replace(/^\.|^language-|^lang-/, "")
    .replace(/[^a-z0-9-]+$/, "");
  return INFO_STRING_LANGUAGES[word] ?? "unknown";
}

/** Line-level signals per language. A line counts once per language however many signals it hits. */
const SIGNALS: Readonly<Record<Exclude<Language, "unknown">, readonly RegExp[]>> = {
  python: [
    /^\s*from\s+[\w.]+\s+import\s+[\w*(]/,
    /^\s*import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*\s*$/,
    /^\s*(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:\s*$/,
    /^\s*class\s+\w+\s*(?:\([^)]*\))?\s*:\s*$/,
    /^\s*(?:if|elif|while|for|with)\s+[^{;]+:\s*$/,
    /^\s*(?:try|else|finally)\s*:\s*$/,
    /^\s*except\b[^{;]*:\s*$/,
    /^\s*print\(/,
    /\bif\s+__name__\s*==\s*["']__main__["']/,
    /\bself\.\w+/,
  ],
  javascript: [
    /^\s*(?:export\s+)?(?:const|let|var)\s+[\w${}[\],\s:]+=/,
    /^\s*(?:export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(/,
    /=>/,
    /\brequire\(\s*["'`]/,
    /^\s*import\s+(?:[\w${},*\s]+\s+from\s+)?["'`]/,
    /^\s*export\s+(?:default|const|function|class|interface|type)\b/,
    /\bconsole\.\w+\(/,
    /\b(?:document|window)\.\w+/,
    /\bmodule\.exports\b/,
    /\bprocess\.env\b/,
    /\bJSON\.(?:parse|stringify)\(/,
  ],
  shell: [
    /^\s*\$\s+\S/,
    /^\s*(?:sudo\s+)?(?:apt(?:-get)?|yum|dnf|apk|brew|pip3?|npm|npx|pnpm|yarn|curl|wget|chmod|chown|rm|mkdir|cd|ls|cp|mv|echo|export|source|git|docker|kubectl|systemctl|ssh|scp|tar|unzip|sed|awk|grep|cat|touch|ln|make)(?=\s|$)(?!\s*[=(.])/,
    /^\s*(?:if\s+\[|fi\s*$|then\s*$|do\s*$|done\s*$|esac\s*$|for\s+\w+\s+in\b.*;\s*do\b)/,
    /^\s*(?:export\s+)?[A-Z_][A-Z0-9_]*=\S/,
  ],
  sql: [
    /^\s*(?:SELECT\s+[\w*"`[(]|INSERT\s+INTO\b|UPDATE\s+[\w."`[\]]+\s+SET\b|DELETE\s+FROM\b)/i,
    /^\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|INDEX|UNIQUE\s+INDEX|FUNCTION|PROCEDURE|TRIGGER|USER|ROLE|DATABASE|SCHEMA|EXTENSION)\b)/i,
    /^\s*(?:ALTER\s+(?:TABLE|USER|ROLE|DATABASE)|DROP\s+(?:TABLE|VIEW|INDEX|USER|ROLE|DATABASE)|TRUNCATE\s+TABLE)\b/i,
    /^\s*(?:GRANT|REVOKE)\b.*\b(?:ON|TO|FROM)\b/i,
    /^\s*(?:FROM\s+[\w."`[\]]+(?!.*\bimport\b)|WHERE\s+\w|(?:LEFT\s+|RIGHT\s+|INNER\s+|OUTER\s+)?JOIN\s+\w|ORDER\s+BY\b|GROUP\s+BY\b|VALUES\s*\()/i,
    /^\s*(?:BEGIN|COMMIT|ROLLBACK)\s*;/i,
  ],
};

const TITLECASE_START = /^\s*[A-Z][a-z]/;

/**
 * Longer lines are no signal of any language (real code lines are far shorter): some signals
 * backtrack within a line (`def f()->)->)…`), so a long hostile line cost its length squared.
 */
const MAX_SIGNAL_LINE = 500;

/**
 * A conservative guess at a snippet's language from line-level signals: returns `unknown` unless one
 * language clearly wins (a shebang decides at once).
 */
export function guessLanguage(code: string): Language {
  const lines = code.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) return "unknown";
  const shebang = /^\s*#!\s*(\S+)(?:\s+(?:-\S+\s+)*(\S+))?/.exec(lines[0] ?? "");
  if (shebang) {
    const program = shebang[1]?.split("/").at(-1) ?? "";
    const interpreter = program === "env" ? (shebang[2] ?? "") : program;
    if (/^python[0-9.]*$/.test(interpreter)) return "python";
    if (/^(?:ba|z|k|da)?sh$/.test(interpreter)) return "shell";
    if (/^(?:node|deno|bun)$/.test(interpreter)) return "javascript";
  }
  const counts = (Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>)
    .map((language) => ({
      language,
      count: lines.filter(
        (line) =>
          line.length <= MAX_SIGNAL_LINE &&
          SIGNALS[language].some((signal) => signal.test(line)) &&
          // "Select the rows…", "Delete from…": SQL keywords in Titlecase start a sentence, not a statement.
          !(language === "sql" && TITLECASE_START.test(line)),
      ).length,
    }))
    .sort((a, b) => b.count - a.count);
  const best = counts[0];
  const second = counts[1]?.count ?? 0;
  if (!best || best.count === 0) return "unknown";
  // Two signal lines, or — for a snippet of up to three lines — one signal no other language shares.
  const enough = best.count >= 2 || (lines.length <= 3 && second === 0);
  return enough && best.count > second * 2 ? best.language : "unknown";
}
