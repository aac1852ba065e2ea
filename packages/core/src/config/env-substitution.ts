import { homedir } from "node:os";
import { InvalidRequestError } from "@llama-stack-ts/api";

const ENV_PATTERN = /\$\{env\.([A-Z0-9_]+)(?::([=+])([^}]*))?\}/g;

export class EnvVarError extends InvalidRequestError {}

/**
 * Upstream's `${env.X}`, `${env.X:=default}`, `${env.X:+value}` substitution over a parsed YAML
 * tree. An empty variable counts as unset. A string that had a substitution is then coerced:
 * "" → null, true/false → boolean, numeric → number; untouched strings stay as written.
 */
export function substituteEnv(node: unknown, env: NodeJS.ProcessEnv, path = ""): unknown {
  if (typeof node === "string") return substituteString(node, env, path);
  if (Array.isArray(node)) return node.map((item, i) => substituteEnv(item, env, `${path}[${i}]`));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        substituteEnv(value, env, path ? `${path}.${key}` : key),
      ]),
    );
  }
  return node;
}

function substituteString(text: string, env: NodeJS.ProcessEnv, path: string): unknown {
  let substituted = false;
  const result = text.replace(ENV_PATTERN, (_match, name: string, op?: string, operand?: string) => {
    substituted = true;
    const raw = env[name];
    const value = raw === undefined || raw === "" ? undefined : raw;
    if (op === "=") return expandHome(value ?? operand ?? "");
    if (op === "+") return value === undefined ? "" : (operand ?? "");
    if (value === undefined) {
      throw new EnvVarError(
        `${path || "(root)"}: environment variable ${name} is not set. Set it, or write \${env.${name}:=default} in the config.`,
      );
    }
    return expandHome(value);
  });
  return substituted ? coerce(result) : result;
}

function expandHome(value: string): string {
  return value === "~" || value.startsWith("~/") ? homedir() + value.slice(1) : value;
}

function coerce(value: string): unknown {
  if (value === "") return null;
  const lower = value.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (/^[+-]?\d+$/.test(value)) return Number.parseInt(value, 10);
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(value)) return Number.parseFloat(value);
  return value;
}
