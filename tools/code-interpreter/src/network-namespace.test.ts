import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { networkNamespaceAvailable, withoutNetwork } from "./network-namespace.ts";

/** Runs node code in a child and returns what it printed. */
function runNode(code: string, wrap: boolean): Promise<string> {
  const [command, args] = wrap
    ? withoutNetwork(process.execPath, ["-e", code])
    : [process.execPath, ["-e", code]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolve(out.trim()));
  });
}

describe.skipIf(!networkNamespaceAvailable())("withoutNetwork", () => {
  it("a process started through it cannot reach a server this process can", async () => {
    const server = createServer((socket) => socket.end()).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const probe = `require("node:net").connect(${port}, "127.0.0.1").on("connect", () => { console.log("connected"); process.exit(0); }).on("error", (e) => { console.log(e.code); process.exit(0); })`;
    try {
      expect(await runNode(probe, false)).toBe("connected");
      expect(await runNode(probe, true)).toMatch(/^(ENETUNREACH|ECONNREFUSED)$/);
    } finally {
      server.close();
    }
  });
});
