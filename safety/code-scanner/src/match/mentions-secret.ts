import type { LexedCode } from "./lex-code.ts";
import { lineStartOf } from "./line-start-of.ts";

const SECRET_WORDS =
  /token|passw(?:or)?d|passphrase|secret|api_?key|\botp\b|nonce|salt|session_?id|csrf|xsrf|reset_?code|verification_?code|auth_?code|activation_?code|credential|\bpin\b/i;

const FUNCTION_START =
  /^\s*(?:async\s+)?def\s+\w+|\bfunction\s*\*?\s*[\w$]*\s*\(|^\s*(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>/;

const LOOK_BACK_LINES = 20;

/** Answers per line: many matches on one long line would otherwise each re-read it. */
const answers = new WeakMap<LexedCode, Map<number, boolean>>();

/**
 * Whether the code around `index` is about secrets: its own line, or the nearest function header
 * within 20 lines above (comments are ignored).
 */
export function mentionsSecret(lexed: LexedCode, index: number): boolean {
  let known = answers.get(lexed);
  if (!known) {
    known = new Map();
    answers.set(lexed, known);
  }
  const lineStart = lineStartOf(lexed, index);
  let answer = known.get(lineStart);
  if (answer === undefined) {
    answer = lineMentionsSecret(lexed.noComments, lineStart);
    known.set(lineStart, answer);
  }
  return answer;
}

function lineMentionsSecret(code: string, lineStart: number): boolean {
  let start = lineStart;
  const newline = code.indexOf("\n", lineStart);
  if (SECRET_WORDS.test(code.slice(start, newline < 0 ? code.length : newline))) return true;
  for (let k = 0; k < LOOK_BACK_LINES && start > 0; k++) {
    const end = start - 1;
    start = code.lastIndexOf("\n", end - 1) + 1;
    const line = code.slice(start, end);
    if (FUNCTION_START.test(line)) return SECRET_WORDS.test(line);
  }
  return false;
}
