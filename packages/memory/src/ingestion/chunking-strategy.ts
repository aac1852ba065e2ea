import { InvalidRequestError } from "@llama-stack-ts/api";
import { formatIssuePath, formatZodError } from "@llama-stack-ts/provider-kit";
import { z } from "zod";

/** Upstream's `auto` window and the defaults OpenAI documents for `static`. */
export const DEFAULT_CHUNK_SIZE_TOKENS = 800;
export const DEFAULT_CHUNK_OVERLAP_TOKENS = 400;

const StaticChunkingSchema = z
  .object({
    max_chunk_size_tokens: z
      .number()
      .int("must be an integer")
      .min(100, "must be at least 100")
      .max(4096, "must be at most 4096"),
    chunk_overlap_tokens: z.number().int("must be an integer").min(0, "must not be negative"),
  })
  .refine((value) => value.chunk_overlap_tokens <= value.max_chunk_size_tokens / 2, {
    message: "must not exceed half of max_chunk_size_tokens",
    path: ["chunk_overlap_tokens"],
  });

/** A vector-store `chunking_strategy` this server can apply (`auto` or `static`). */
export const ChunkingStrategySchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("auto") }),
    z.object({ type: z.literal("static"), static: StaticChunkingSchema }),
  ],
  { error: 'must be "auto" or "static"' },
);

export type ChunkingStrategy = z.infer<typeof ChunkingStrategySchema>;

/** Validates a strategy from a request; the error names the field, e.g. `chunking_strategy.static.chunk_overlap_tokens`. */
export function parseChunkingStrategy(value: unknown): ChunkingStrategy {
  const parsed = ChunkingStrategySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw new InvalidRequestError(`Invalid ${formatZodError(parsed.error, "chunking_strategy")}`, {
    param: first === undefined ? "chunking_strategy" : formatIssuePath(first.path, "chunking_strategy"),
  });
}

/** Window size and overlap in tokens. */
export function chunkWindow(strategy: ChunkingStrategy): { maxTokens: number; overlapTokens: number } {
  if (strategy.type === "auto") {
    return { maxTokens: DEFAULT_CHUNK_SIZE_TOKENS, overlapTokens: DEFAULT_CHUNK_OVERLAP_TOKENS };
  }
  return {
    maxTokens: strategy.static.max_chunk_size_tokens,
    overlapTokens: strategy.static.chunk_overlap_tokens,
  };
}
