import type { ChainText } from "./chain-tokens.ts";
import { fixtureModel } from "./fixture-model.ts";
import { type ChainModelOptions, writeChainModel } from "./write-chain-model.ts";

/** Cached chain model that answers exactly `text` (built on first use). */
export function chainModelPath(text: ChainText, options: ChainModelOptions = {}): Promise<string> {
  return fixtureModel("chain", (path) => writeChainModel(path, text, options), { text, options });
}
