import { seededRandom } from "./seeded-random.ts";

/** Weights for a random model: norms 1, everything else N(0, 0.02) from a seeded generator. */
export function randomLlamaWeights(
  seed: number,
): (tensorName: string, dims: readonly number[]) => Float32Array {
  const random = seededRandom(seed);
  return (_tensorName, dims) => {
    const values = new Float32Array(dims.reduce((product, dim) => product * dim, 1));
    if (dims.length === 1) return values.fill(1);
    for (let index = 0; index < values.length; index++) values[index] = 0.02 * random.normal();
    return values;
  };
}
