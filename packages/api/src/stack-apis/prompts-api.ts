import type { DataList } from "../common/data-list.ts";
import type {
  Prompt,
  PromptCreateRequest,
  PromptSetDefaultVersionRequest,
  PromptUpdateRequest,
} from "../prompts/prompt.ts";
import type { PromptVariableValue } from "../prompts/prompt-variable-value.ts";
import type { ApiCall } from "./api-call.ts";

/** `/v1/prompts` as the Stack offers it to its own parts (`context.api("prompts")`); owner-scoped. */
export interface PromptsApi {
  create(request: PromptCreateRequest, call: ApiCall): Promise<Prompt>;
  /** The given version, or the default one. */
  retrieve(promptId: string, version: number | undefined, call: ApiCall): Promise<Prompt>;
  /**
   * A version's text (the default when `version` is undefined) with its `{{variables}}` filled;
   * an undeclared or missing variable is a 400. Image and file variables read `[Image: name]`.
   */
  render(
    promptId: string,
    version: number | undefined,
    variables: Record<string, PromptVariableValue>,
    call: ApiCall,
  ): Promise<string>;
  /** Each prompt's default version, newest id first. */
  list(call: ApiCall): Promise<DataList<Prompt>>;
  update(promptId: string, request: PromptUpdateRequest, call: ApiCall): Promise<Prompt>;
  /** Every version of one prompt, oldest first. */
  listVersions(promptId: string, call: ApiCall): Promise<DataList<Prompt>>;
  setDefaultVersion(
    promptId: string,
    request: PromptSetDefaultVersionRequest,
    call: ApiCall,
  ): Promise<Prompt>;
  /** Removes every version. */
  delete(promptId: string, call: ApiCall): Promise<void>;
}
