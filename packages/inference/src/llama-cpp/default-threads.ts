/**
 * CPU threads for one generation. llama.cpp's per-token barrier makes oversubscription
 * catastrophic (4 threads on 2 vCPUs decoded ~150× slower than 1), so stay at half the math
 * cores: the other half keeps the event loop, tokenization and other requests responsive.
 * `bench/` sweeps thread counts against this default.
 */
export function defaultThreads(cpuMathCores: number): number {
  return Math.max(1, Math.floor(cpuMathCores / 2));
}
