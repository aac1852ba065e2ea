import { createServer } from "node:net";
import { listenError } from "./listen-error.ts";

/**
 * Fail in milliseconds, before storage and models are opened, when the address cannot be bound.
 * `startServer` still handles a port taken in between; this only spares a slow start that must fail.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error) => reject(listenError(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
