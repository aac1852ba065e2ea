import { z } from "zod";

/** `inline::code-interpreter` config: limits per call and the size of the warm Python pool. */
export const CodeInterpreterConfigSchema = z.object({
  /** Booted Python processes kept ready, so a call does not pay Pyodide's ~4 s boot. */
  pythonWorkers: z.number().int().min(1).max(32).default(1),
  /** Wall clock per call; a Python process past it is killed and replaced. */
  timeoutMs: z.number().int().min(100).max(600_000).default(20_000),
  /** Resident memory of one Python process (Pyodide idles near 150 MB); past it, killed. */
  pythonMemoryLimitMb: z.number().int().min(128).max(16_384).default(512),
  /** A Python process is replaced after this many calls (1: a fresh process per call). */
  maxCallsPerPythonWorker: z.number().int().min(1).default(1_000),
  /** QuickJS heap per call. */
  javascriptMemoryLimitMb: z.number().int().min(1).max(1_024).default(64),
  /** stdout and stderr together, per call; the rest is dropped with a visible marker. */
  maxOutputBytes: z
    .number()
    .int()
    .min(1_024)
    .max(10_000_000)
    .default(64 * 1024),
});
export type CodeInterpreterConfig = z.output<typeof CodeInterpreterConfigSchema>;
export type CodeInterpreterConfigInput = z.input<typeof CodeInterpreterConfigSchema>;
