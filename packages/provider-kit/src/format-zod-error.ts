import type { z } from "zod";

/** `a.b[0].c` for an issue path; the empty path is the root. */
export function formatIssuePath(path: readonly PropertyKey[], root = ""): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * One line per issue, each naming the key at fault: `server.port: expected number, received string`.
 * Unknown keys are reported as the full path of the key itself, so a typo is easy to find.
 */
export function formatZodError(error: z.ZodError, root = ""): string {
  return error.issues
    .map((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys
          .map((key) => `${formatIssuePath([...issue.path, key], root)}: unknown key`)
          .join("; ");
      }
      return `${formatIssuePath(issue.path, root)}: ${issue.message}`;
    })
    .join("; ");
}
