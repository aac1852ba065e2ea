import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { AccessContext } from "../../auth/access-context.ts";
import { visibleTo } from "../../auth/visible-to.ts";
import type { StackDb } from "../../storage/database.ts";
import { type PromptRow, type PromptVersionRow, prompts, promptVersions } from "../../storage/schema.ts";

export interface NewPromptVersion {
  prompt: string;
  variables: string[];
  createdAt: Date;
}

/** A version with the prompt's default, which decides its `is_default`. */
export interface StoredPromptVersion {
  version: PromptVersionRow;
  defaultVersion: number;
}

/** Prompts and their versions per owner; every change is one transaction. */
export class PromptsStore {
  constructor(private readonly db: StackDb) {}

  async create(id: string, owner: string | null, first: NewPromptVersion): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(prompts)
        .values({ id, owner, defaultVersion: 1, latestVersion: 1, createdAt: first.createdAt });
      await tx.insert(promptVersions).values({ promptId: id, version: 1, ...first });
    });
  }

  /** The prompt if this caller may see it. */
  async find(id: string, access: AccessContext): Promise<PromptRow | undefined> {
    const [row] = await this.db
      .select()
      .from(prompts)
      .where(and(eq(prompts.id, id), visibleTo(prompts.owner, access)));
    return row;
  }

  async findVersion(id: string, version: number): Promise<PromptVersionRow | undefined> {
    const [row] = await this.db
      .select()
      .from(promptVersions)
      .where(and(eq(promptVersions.promptId, id), eq(promptVersions.version, version)));
    return row;
  }

  /** Each visible prompt's default version, prompt ids descending (upstream's order). */
  async listDefaults(access: AccessContext): Promise<StoredPromptVersion[]> {
    const rows = await this.db
      .select({ version: promptVersions, defaultVersion: prompts.defaultVersion })
      .from(prompts)
      .innerJoin(
        promptVersions,
        and(eq(promptVersions.promptId, prompts.id), eq(promptVersions.version, prompts.defaultVersion)),
      )
      .where(visibleTo(prompts.owner, access))
      .orderBy(desc(prompts.id));
    return rows;
  }

  async listVersions(id: string): Promise<PromptVersionRow[]> {
    return this.db
      .select()
      .from(promptVersions)
      .where(eq(promptVersions.promptId, id))
      .orderBy(asc(promptVersions.version));
  }

  /**
   * Store `expectedLatest + 1` if `expectedLatest` is still the latest version; undefined when
   * another update got there first (or the prompt is gone). The check and the bump are one
   * statement, so two concurrent updates of the same version cannot both succeed.
   */
  async addVersion(
    id: string,
    expectedLatest: number,
    next: NewPromptVersion,
    setAsDefault: boolean,
  ): Promise<StoredPromptVersion | undefined> {
    return this.db.transaction(async (tx) => {
      const [bumped] = await tx
        .update(prompts)
        .set({
          latestVersion: sql`${prompts.latestVersion} + 1`,
          ...(setAsDefault ? { defaultVersion: sql`${prompts.latestVersion} + 1` } : {}),
        })
        .where(and(eq(prompts.id, id), eq(prompts.latestVersion, expectedLatest)))
        .returning({ latestVersion: prompts.latestVersion, defaultVersion: prompts.defaultVersion });
      if (!bumped) return undefined;
      const [version] = await tx
        .insert(promptVersions)
        .values({ promptId: id, version: bumped.latestVersion, ...next })
        .returning();
      return { version: version!, defaultVersion: bumped.defaultVersion };
    });
  }

  /** False when the prompt is gone. */
  async setDefault(id: string, version: number): Promise<boolean> {
    const updated = await this.db
      .update(prompts)
      .set({ defaultVersion: version })
      .where(eq(prompts.id, id))
      .returning({ id: prompts.id });
    return updated.length > 0;
  }

  /** True when this call removed it; its versions go with it. */
  async delete(id: string): Promise<boolean> {
    const removed = await this.db.delete(prompts).where(eq(prompts.id, id)).returning({ id: prompts.id });
    return removed.length > 0;
  }
}
