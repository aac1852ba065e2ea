import { fixtureModel } from "./fixture-model.ts";
import { type TinyLlamaOptions, writeTinyLlama } from "./write-tiny-llama.ts";

/** Cached tiny Llama 3.1 model (built on first use). */
export function tinyLlamaPath(options: TinyLlamaOptions = {}): Promise<string> {
  return fixtureModel("tiny-llama", (path) => writeTinyLlama(path, options), options);
}
