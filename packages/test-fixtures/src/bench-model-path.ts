import { fixtureModel } from "./fixture-model.ts";
import { writeBenchModel } from "./write-bench-model.ts";

/** Cached ~180 MB benchmark model (built on first use, takes seconds). */
export function benchModelPath(): Promise<string> {
  return fixtureModel("bench-llama", writeBenchModel);
}
