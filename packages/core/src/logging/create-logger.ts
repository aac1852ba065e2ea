import type { Logger } from "@llama-stack-ts/api";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level?: LogLevel;
  /** `json`: one JSON object per line (for log shippers); `pretty`: short human lines. */
  format?: "json" | "pretty";
  write?: (line: string) => void;
  fields?: Record<string, unknown>;
}

/** Structured logs on stderr; stdout stays free for CLI output. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnv();
  const format = options.format ?? (process.env.LLAMA_STACK_LOG_FORMAT === "json" ? "json" : "pretty");
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.fields ?? {};

  const emit = (lvl: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < RANK[level]) return;
    const record = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    if (format === "json") {
      write(JSON.stringify(record, errorReplacer));
      return;
    }
    const extras = Object.entries({ ...base, ...fields })
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v, errorReplacer)}`)
      .join(" ");
    write(`${record.time} ${lvl.toUpperCase().padEnd(5)} ${msg}${extras ? ` ${extras}` : ""}`);
  };

  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => createLogger({ level, format, write, fields: { ...base, ...fields } }),
  };
}

function levelFromEnv(): LogLevel {
  const value = process.env.LLAMA_STACK_LOG_LEVEL?.toLowerCase();
  return value && value in RANK ? (value as LogLevel) : "info";
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
