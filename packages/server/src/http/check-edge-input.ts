import { InvalidRequestError } from "@llama-stack-ts/api";
import { formatIssuePath } from "@llama-stack-ts/provider-kit";
import { charLimit, EDGE_LIMITS, type FieldKind, fieldKind } from "./edge-limits.ts";

export type InputPart = "body" | "query" | "path" | "form" | "x-llamastack-provider-data";

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: PropertyKey | undefined;
  depth: number;
  /** The nearest property name above: an array's elements take the array's. */
  field: string | undefined;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The edge policy, applied to a request part before its schema: no NUL characters, no unpaired
 * surrogates (neither can be stored in Postgres text or jsonb), nesting at most
 * `EDGE_LIMITS.maxDepth`, ids and names within their lengths. Each refusal is a 400 naming the
 * field. Iterative, so a hostile depth cannot overflow the stack here either.
 *
 * `atLeast` tightens the part's fields: path parameters are all ids, query values at least names.
 */
export function checkEdgeInput(value: unknown, part: InputPart, atLeast?: "id" | "name"): void {
  const stack: Frame[] = [{ value, parent: undefined, key: undefined, depth: 0, field: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value: v } = frame;
    if (typeof v === "string") {
      checkString(v, frame, part, kindOf(frame.field, atLeast));
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    const depth = frame.depth + 1;
    if (depth > EDGE_LIMITS.maxDepth) {
      refuse(frame, part, `nests objects and arrays deeper than ${EDGE_LIMITS.maxDepth} levels`);
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], parent: frame, key: i, depth, field: frame.field });
      }
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      const at: Frame = { value: child, parent: frame, key, depth, field: key };
      checkString(key, at, part, "name", "its key");
      stack.push(at);
    }
  }
}

function kindOf(field: string | undefined, atLeast: "id" | "name" | undefined): FieldKind {
  const kind = fieldKind(field);
  if (atLeast === "id") return "id";
  return atLeast === "name" && kind === "content" ? "name" : kind;
}

function checkString(s: string, frame: Frame, part: InputPart, kind: FieldKind, what = "it"): void {
  if (s.includes("\u0000")) {
    refuse(
      frame,
      part,
      `contains a NUL character (U+0000) in ${what === "it" ? "its value" : what}; NUL cannot be stored`,
    );
  }
  if (UNPAIRED_SURROGATE.test(s)) {
    refuse(
      frame,
      part,
      `contains an unpaired UTF-16 surrogate in ${what === "it" ? "its value" : what}; send well-formed Unicode`,
    );
  }
  const limit = charLimit(kind);
  if (s.length > limit) {
    const noun = what === "it" ? `${kind === "id" ? "an id" : "a name"}` : "a key";
    refuse(frame, part, `is ${s.length} characters long as ${noun}; the limit is ${limit}`);
  }
}

function refuse(frame: Frame, part: InputPart, problem: string): never {
  const path: PropertyKey[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) {
    path.unshift(typeof f.key === "string" ? printable(f.key) : f.key);
  }
  const param = formatIssuePath(path, part);
  throw new InvalidRequestError(`Invalid request: ${param} ${problem}.`, { param, retryable: false });
}

/** A key fit to print in an error: hostile characters replaced, long keys cut. */
function printable(key: string): string {
  const clean = key.replaceAll("\u0000", "\uFFFD").replace(new RegExp(UNPAIRED_SURROGATE, "g"), "\uFFFD");
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}
