import {
  type CallOptions,
  InvalidRequestError,
  type RerankRequest,
  type RerankResult,
} from "@llama-stack-ts/api";
import type { ModelHost } from "./model-host.ts";

/** Rerank with a reranker GGUF (a `cls` head or a rerank template); other models get a clear 400. */
export async function rank(
  host: ModelHost,
  request: RerankRequest,
  options: CallOptions,
): Promise<RerankResult[]> {
  const loaded = await host.ready();
  const text = (item: RerankRequest["query"]) => {
    if (typeof item === "string") return item;
    if (item.type === "text") return item.text;
    throw new InvalidRequestError("inline::llama-cpp reranks text only; image items are not supported.", {
      param: "items",
    });
  };
  const query = text(request.query);
  const documents = request.items.map(text);
  if (!loaded.ranking) {
    try {
      loaded.ranking = await loaded.model.createRankingContext({ contextSize: loaded.contextSize });
    } catch (cause) {
      throw new InvalidRequestError(
        `Model '${request.model}' cannot rank: it is not a reranker (needs a classification head or a rerank template).`,
        { param: "model", cause },
      );
    }
  }
  const ranking = loaded.ranking;
  options.signal?.throwIfAborted();
  const scores = await host.exclusive(() => ranking.rankAll(query, documents));
  const results = scores.map((relevance_score, index) => ({ index, relevance_score }));
  results.sort((a, b) => b.relevance_score - a.relevance_score);
  return request.max_num_results ? results.slice(0, request.max_num_results) : results;
}
