import { z } from "zod";

/** The APIs a run config can enable (`apis:`); upstream's `Api` enum plus the legacy `agents`. */
export const ApiNameSchema = z.enum([
  "providers",
  "inference",
  "safety",
  "responses",
  "agents",
  "batches",
  "vector_io",
  "datasetio",
  "scoring",
  "eval",
  "tool_runtime",
  "models",
  "shields",
  "vector_stores",
  "datasets",
  "scoring_functions",
  "benchmarks",
  "tool_groups",
  "files",
  "file_processors",
  "prompts",
  "conversations",
  "connectors",
  "inspect",
  "admin",
]);
export type ApiName = z.infer<typeof ApiNameSchema>;
