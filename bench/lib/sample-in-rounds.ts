/**
 * Time each path `calls` times, in `rounds` rounds whose order alternates, after `warmup` untimed
 * calls each: a path measured in the same run and under the same drift as its baseline.
 */
export async function sampleInRounds(
  paths: readonly (readonly [string, () => Promise<unknown>])[],
  options: { calls: number; rounds?: number; warmup?: number },
): Promise<Map<string, number[]>> {
  const rounds = options.rounds ?? 4;
  const samples = new Map<string, number[]>(paths.map(([name]) => [name, []]));
  for (const [, run] of paths) for (let i = 0; i < (options.warmup ?? 50); i++) await run();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of round % 2 ? [...paths].reverse() : paths) {
      for (let i = 0; i < options.calls / rounds; i++) {
        const started = performance.now();
        await run();
        samples.get(name)!.push(performance.now() - started);
      }
    }
  }
  return samples;
}
