import { type ChildProcess, spawn } from "node:child_process";

/**
 * A process that spins on one core, as another tenant's job or a test run would, for the
 * busy-neighbour variant of the decode table.
 */
export function startBusyNeighbour(): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
