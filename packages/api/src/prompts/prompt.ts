import { z } from "zod";

/** Versions are Postgres integers: 1 to 2^31 - 1. */
const VersionSchema = z.number().int().min(1).max(2_147_483_647);

/** `pmpt_` and 48 lowercase hex digits, as upstream generates them. */
export const PROMPT_ID_PATTERN = /^pmpt_[0-9a-f]{48}$/;

/** One version of a stored prompt template (`/v1/prompts`). */
export const PromptSchema = z
  .object({
    prompt_id: z.string().describe("`pmpt_` and 48 hex digits."),
    version: VersionSchema.describe("1 for a new prompt; each update adds one."),
    is_default: z.boolean().describe("Whether this version is the one served when no version is asked for."),
    prompt: z.string().nullable().describe("The template; `{{ name }}` placeholders name its variables."),
    variables: z.array(z.string()).describe("Variable names the template may use."),
  })
  .meta({ id: "Prompt" });
export type Prompt = z.infer<typeof PromptSchema>;

const VariablesSchema = z
  .array(z.string().min(1))
  .nullable()
  .optional()
  .describe("Every `{{ name }}` in `prompt` must be listed here; a missing one is a 400.");

/** `POST /v1/prompts`: version 1, which becomes the default. */
export const PromptCreateRequestSchema = z
  .object({
    prompt: z.string().describe("The template text."),
    variables: VariablesSchema,
  })
  .meta({ id: "PromptCreateRequest" });
export type PromptCreateRequest = z.infer<typeof PromptCreateRequestSchema>;

/** `PUT /v1/prompts/{prompt_id}`: stores `version + 1`; `version` must be the latest (else 409). */
export const PromptUpdateRequestSchema = z
  .object({
    prompt: z.string().describe("The new template text."),
    version: VersionSchema.describe("The latest version, which this update follows."),
    variables: VariablesSchema,
    set_as_default: z
      .boolean()
      .default(true)
      .describe("Make the new version the default (true unless false is sent, as upstream)."),
  })
  .meta({ id: "PromptUpdateRequest" });
export type PromptUpdateRequest = z.input<typeof PromptUpdateRequestSchema>;

/** `PUT /v1/prompts/{prompt_id}/set-default-version`. */
export const PromptSetDefaultVersionRequestSchema = z
  .object({ version: VersionSchema })
  .meta({ id: "PromptSetDefaultVersionRequest" });
export type PromptSetDefaultVersionRequest = z.infer<typeof PromptSetDefaultVersionRequestSchema>;

/** `GET /v1/prompts/{prompt_id}?version=`: without `version`, the default version. */
export const PromptRetrieveQuerySchema = z.object({
  version: z.coerce
    .number()
    .pipe(VersionSchema)
    .optional()
    .describe("A version; the default one when absent."),
});
export type PromptRetrieveQuery = z.infer<typeof PromptRetrieveQuerySchema>;
