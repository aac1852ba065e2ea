import {
  ConflictError,
  InvalidRequestError,
  PermissionDeniedError,
  type StackError,
} from "@llama-stack-ts/api";

/** Node's `listen` failure as one sentence a person can act on; the system error stays as `cause`. */
export function listenError(cause: unknown, host: string, port: number): StackError {
  const code = (cause as NodeJS.ErrnoException).code;
  const where = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const options = { cause, code: "listen_failed" };
  switch (code) {
    case "EADDRINUSE":
      return new ConflictError(
        `Cannot listen on ${where}: the port is in use by another process (pick another with --port, LLAMA_STACK_PORT or server.port).`,
        { ...options, code: "port_in_use" },
      );
    case "EACCES":
    case "EPERM":
      return new PermissionDeniedError(
        `Cannot listen on ${where}: permission denied (ports below 1024 need privileges).`,
        options,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new InvalidRequestError(
        `Cannot listen on ${where}: no such address on this machine (check --host or server.host).`,
        options,
      );
    default:
      return new InvalidRequestError(`Cannot listen on ${where}: ${(cause as Error).message}`, options);
  }
}
