/** A worker module for the pool's tests: busy-waits `spinMs`, fails on request, else echoes. */
export default function spin(input: { spinMs?: number; fail?: string; echo?: unknown }): unknown {
  const until = Date.now() + (input.spinMs ?? 0);
  while (Date.now() < until) {
    // Hold the worker's thread, as a CPU-heavy scan does.
  }
  if (input.fail) throw new RangeError(input.fail);
  return { echo: input.echo };
}
