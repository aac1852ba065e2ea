export {
  queryWolframAlpha,
  type WolframAlphaPod,
  type WolframAlphaQueryOptions,
} from "./query-wolfram-alpha.ts";
export {
  WOLFRAM_ALPHA_PROVIDER_DATA_KEY,
  type WolframAlphaConfig,
  WolframAlphaConfigSchema,
} from "./wolfram-alpha-config.ts";
export { wolframAlphaTools, wolframAlphaTools as default } from "./wolfram-alpha-tools.ts";
