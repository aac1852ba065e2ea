import { type AgentPage, type AgentPageQuery, InvalidRequestError } from "@llama-stack-ts/api";

/** One page of a legacy agents list: from `start_index`, at most `limit` items. */
export function agentPage<T>(items: T[], query: AgentPageQuery): AgentPage<T> {
  const start = query.start_index ?? 0;
  if (start > items.length) {
    throw new InvalidRequestError(`start_index ${start} is past the last of ${items.length}.`, {
      param: "start_index",
    });
  }
  const end = query.limit === undefined ? items.length : start + query.limit;
  return { data: items.slice(start, end), has_more: end < items.length };
}
