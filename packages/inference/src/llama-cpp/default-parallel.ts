/** Share of the machine's memory the default may give one model's KV cache. */
const KV_CACHE_SHARE = 1 / 8;
const CPU_CHOICES = [8, 4, 2];

/**
 * Sequences per model when the config names none (decision 0006). With a GPU, 4. On CPU, 8, so
 * that up to 8 requests are decoded together rather than waiting in line, fewer (4, 2, then 1)
 * when their KV cache would take more than an eighth of the machine's memory; 4 when the model's
 * KV size is unknown.
 */
export function defaultParallel(options: {
  gpu: boolean;
  /** KV-cache bytes of one sequence at the configured context size. */
  kvCacheBytesPerSequence: number | undefined;
  memoryBytes: number;
}): number {
  if (options.gpu) return 4;
  const perSequence = options.kvCacheBytesPerSequence;
  if (perSequence === undefined) return 4;
  const budget = options.memoryBytes * KV_CACHE_SHARE;
  return CPU_CHOICES.find((n) => n * perSequence <= budget) ?? 1;
}
