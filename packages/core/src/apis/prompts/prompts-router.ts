import { randomBytes } from "node:crypto";
import {
  type ApiCall,
  ConflictError,
  type DataList,
  ID_PREFIXES,
  NotFoundError,
  type Prompt,
  type PromptCreateRequest,
  type PromptSetDefaultVersionRequest,
  type PromptsApi,
  type PromptUpdateRequest,
  type PromptVariableValue,
} from "@llama-stack-ts/api";
import { ownerFor } from "../../auth/access-context.ts";
import type { PromptRow, PromptVersionRow } from "../../storage/schema.ts";
import type { PromptsStore } from "./prompts-store.ts";
import { renderPrompt } from "./render-prompt.ts";
import { assertVariablesDeclared } from "./template-variables.ts";

/**
 * `/v1/prompts`: versioned templates per owner. Another principal's prompt is a 404, like every
 * owned resource (upstream, with no owners, answers 400 for any unknown prompt).
 */
export class PromptsRouter implements PromptsApi {
  constructor(
    private readonly store: PromptsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(request: PromptCreateRequest, call: ApiCall): Promise<Prompt> {
    const variables = request.variables ?? [];
    assertVariablesDeclared(request.prompt, variables);
    const id = newPromptId();
    const first = { prompt: request.prompt, variables, createdAt: this.now() };
    await this.store.create(id, ownerFor(call.access), first);
    return { prompt_id: id, version: 1, is_default: true, prompt: first.prompt, variables };
  }

  async retrieve(promptId: string, version: number | undefined, call: ApiCall): Promise<Prompt> {
    const prompt = await this.find(promptId, call);
    return toPrompt(await this.version(prompt, version ?? prompt.defaultVersion), prompt.defaultVersion);
  }

  async render(
    promptId: string,
    version: number | undefined,
    variables: Record<string, PromptVariableValue>,
    call: ApiCall,
  ): Promise<string> {
    return renderPrompt(await this.retrieve(promptId, version, call), variables).text;
  }

  async list(call: ApiCall): Promise<DataList<Prompt>> {
    const rows = await this.store.listDefaults(call.access);
    return { data: rows.map((row) => toPrompt(row.version, row.defaultVersion)) };
  }

  async update(promptId: string, request: PromptUpdateRequest, call: ApiCall): Promise<Prompt> {
    const variables = request.variables ?? [];
    assertVariablesDeclared(request.prompt, variables);
    const prompt = await this.find(promptId, call);
    const stored = await this.store.addVersion(
      promptId,
      request.version,
      { prompt: request.prompt, variables, createdAt: this.now() },
      request.set_as_default ?? true,
    );
    if (!stored) {
      const latest = (await this.store.find(promptId, call.access))?.latestVersion;
      if (latest === undefined) throw notFound(promptId);
      throw new ConflictError(
        `'${request.version}' is not the latest prompt version for prompt_id='${prompt.id}'. ` +
          `Use the latest version '${latest}' in request.`,
        { param: "version", code: "stale_prompt_version", retryable: false },
      );
    }
    return toPrompt(stored.version, stored.defaultVersion);
  }

  async listVersions(promptId: string, call: ApiCall): Promise<DataList<Prompt>> {
    const prompt = await this.find(promptId, call);
    const rows = await this.store.listVersions(promptId);
    return { data: rows.map((row) => toPrompt(row, prompt.defaultVersion)) };
  }

  async setDefaultVersion(
    promptId: string,
    request: PromptSetDefaultVersionRequest,
    call: ApiCall,
  ): Promise<Prompt> {
    const prompt = await this.find(promptId, call);
    const version = await this.version(prompt, request.version);
    if (!(await this.store.setDefault(promptId, request.version))) throw notFound(promptId);
    return toPrompt(version, request.version);
  }

  async delete(promptId: string, call: ApiCall): Promise<void> {
    await this.find(promptId, call);
    if (!(await this.store.delete(promptId))) throw notFound(promptId);
  }

  private async find(promptId: string, call: ApiCall): Promise<PromptRow> {
    const prompt = await this.store.find(promptId, call.access);
    if (!prompt) throw notFound(promptId);
    return prompt;
  }

  private async version(prompt: PromptRow, version: number): Promise<PromptVersionRow> {
    const row = await this.store.findVersion(prompt.id, version);
    if (!row) {
      throw new NotFoundError(
        "Prompt version",
        String(version),
        `Prompt '${prompt.id}' has versions 1 to ${prompt.latestVersion}.`,
        { param: "version" },
      );
    }
    return row;
  }
}

/** `pmpt_` and 48 lowercase hex digits (24 random bytes), as upstream. */
export function newPromptId(): string {
  return ID_PREFIXES.prompt + randomBytes(24).toString("hex");
}

function toPrompt(row: PromptVersionRow, defaultVersion: number): Prompt {
  return {
    prompt_id: row.promptId,
    version: row.version,
    is_default: row.version === defaultVersion,
    prompt: row.prompt,
    variables: row.variables,
  };
}

function notFound(promptId: string): NotFoundError {
  return new NotFoundError("Prompt", promptId, "Use GET /v1/prompts to list the prompts you can use.");
}
