/**
 * Time each path `calls` times, in `rounds` rounds whose order alternates, after `warmup` untimed
 * calls each: a path measured in the same run and under the same drift as its baseline.
 */
export async function sampleInRounds(
  paths: readonly (readonly [string, () => Promise<unknown>])[],
  options: { calls: number; rounds?: number; warmup?: number },
): Promise<Map<string, number[]>> {
  const timed = paths.map(([name, run]) => {
    const measure = async () => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    return [name, measure] as const;
  });
  return measureInRounds(timed, options);
}

/**
 * The same rounds, for paths that measure themselves: each run resolves to its own sample (a time
 * to first token, a time split into parts), which is what is collected.
 */
export async function measureInRounds<T>(
  paths: readonly (readonly [string, () => Promise<T>])[],
  options: { calls: number; rounds?: number; warmup?: number },
): Promise<Map<string, T[]>> {
  const rounds = options.rounds ?? 4;
  const samples = new Map<string, T[]>(paths.map(([name]) => [name, []]));
  for (const [, run] of paths) for (let i = 0; i < (options.warmup ?? 50); i++) await run();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of round % 2 ? [...paths].reverse() : paths) {
      for (let i = 0; i < options.calls / rounds; i++) samples.get(name)!.push(await run());
    }
  }
  return samples;
}
