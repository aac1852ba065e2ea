import { spawnSync } from "node:child_process";

let available: boolean | undefined;

/**
 * Whether this machine lets an unprivileged process start another in an empty network namespace
 * (`unshare -rn`: a user namespace that maps the caller to root, and a network namespace with
 * only a downed loopback). The Python sandbox then has no network even if its in-process blocks
 * were bypassed. Linux with user namespaces enabled; checked once.
 */
export function networkNamespaceAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync("unshare", ["-rn", "true"], { stdio: "ignore", timeout: 2_000 });
    available = probe.status === 0;
  }
  return available;
}

/** `command args…` wrapped to run in a fresh network namespace when the machine allows it. */
export function withoutNetwork(command: string, args: string[]): [string, string[]] {
  return networkNamespaceAvailable() ? ["unshare", ["-rn", "--", command, ...args]] : [command, args];
}
