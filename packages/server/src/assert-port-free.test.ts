import { createServer } from "node:net";
import { ConflictError } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { assertPortFree } from "./assert-port-free.ts";

describe("assertPortFree", () => {
  it("names a taken port as a conflict, and leaves a free one free", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as { port: number };
    const refused = await assertPortFree("127.0.0.1", port).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toBe(
      `Cannot listen on 127.0.0.1:${port}: the port is in use by another process (pick another with --port, LLAMA_STACK_PORT or server.port).`,
    );
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    await assertPortFree("127.0.0.1", port);
    const again = createServer();
    await new Promise<void>((resolve) => again.listen(port, "127.0.0.1", resolve)); // the probe let it go
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});
