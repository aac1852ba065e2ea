import { type ApiCall, type InferenceApi, InvalidRequestError } from "@llama-stack-ts/api";
import { z } from "zod";

/** `vector_stores.rewrite_query_params` in the run config (upstream's names and defaults). */
export const RewriteQueryParamsSchema = z.object({
  model: z.object({ provider_id: z.string(), model_id: z.string() }).nullish(),
  prompt: z
    .string()
    .refine((p) => p.includes("{query}"), "must contain {query}")
    .default(
      "Expand this query with relevant synonyms and related terms. Return only the improved query, no explanations:\n\n{query}\n\nImproved query:",
    ),
  max_tokens: z.number().int().positive().default(100),
  temperature: z.number().min(0).max(2).default(0.3),
});
export type RewriteQueryParams = z.infer<typeof RewriteQueryParamsSchema>;

/**
 * Expands a search query with an LLM before it is embedded and matched (`rewrite_query: true`).
 * Not configured is a 400, as upstream answers; an empty rewrite keeps the original query.
 */
export async function rewriteQuery(
  query: string,
  params: RewriteQueryParams | undefined,
  inference: InferenceApi,
  call: ApiCall,
): Promise<string> {
  if (!params?.model) {
    throw new InvalidRequestError(
      "Query rewriting is not available: set vector_stores.rewrite_query_params.model in the run config.",
      { param: "rewrite_query" },
    );
  }
  const completion = await inference.chatCompletion(
    {
      model: `${params.model.provider_id}/${params.model.model_id}`,
      messages: [{ role: "user", content: params.prompt.replaceAll("{query}", query) }],
      max_tokens: params.max_tokens,
      temperature: params.temperature,
      store: false,
    },
    call,
  );
  const text = completion.choices[0]?.message.content;
  const rewritten = typeof text === "string" ? text.trim() : "";
  return rewritten || query;
}
