import { and, eq, inArray, isNotNull, isNull, lt, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { StackDb } from "../storage/database.ts";
import { type JobRow, jobs } from "../storage/schema.ts";

const FINISHED = ["succeeded", "failed", "cancelled"];

/** A run of a job: the runner that claimed it and which attempt; later writes must match both. */
export interface JobClaim {
  id: string;
  owner: string;
  attempt: number;
}

/**
 * The `jobs` table. Times are the database's (`now()`), so replicas with skewed clocks agree on
 * when a lease ran out.
 */
export class JobsStore {
  constructor(private readonly db: StackDb) {}

  async insert(row: Pick<JobRow, "id" | "kind" | "owner" | "payload" | "maxAttempts">, db = this.db) {
    const [inserted] = await db
      .insert(jobs)
      .values({ ...row, status: "queued" })
      .returning();
    return inserted!;
  }

  async find(id: string): Promise<JobRow | undefined> {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }

  /**
   * Takes up to `limit` jobs of a kind, oldest first: queued ones, and running ones whose runner
   * stopped renewing (`FOR UPDATE SKIP LOCKED`, so runners claiming together never take the same
   * row). Each claim counts an attempt. `othersAreDead`: every other runner's lease is abandoned
   * (embedded PGlite, which no other process can open). `skip`: jobs this runner is still running.
   */
  async claim(options: {
    kind: string;
    limit: number;
    owner: string;
    leaseMs: number;
    othersAreDead: boolean;
    skip: string[];
  }): Promise<JobRow[]> {
    const abandoned: SQL[] = [isNull(jobs.leaseExpiresAt), lt(jobs.leaseExpiresAt, sql`now()`)];
    if (options.othersAreDead) abandoned.push(ne(jobs.leaseOwner, options.owner));
    const candidates = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, options.kind),
          or(eq(jobs.status, "queued"), and(eq(jobs.status, "running"), or(...abandoned))),
          notInArray(jobs.id, options.skip),
        ),
      )
      .orderBy(jobs.createdAt, jobs.id)
      .limit(options.limit)
      .for("update", { skipLocked: true });
    return this.db
      .update(jobs)
      .set({
        status: "running",
        attempts: sql`${jobs.attempts} + 1`,
        leaseOwner: options.owner,
        leaseExpiresAt: leaseUntil(options.leaseMs),
        startedAt: sql`now()`,
      })
      .where(inArray(jobs.id, candidates))
      .returning();
  }

  /** Extends the leases of every job `owner` is running; answers the ids it still holds. */
  async renew(owner: string, leaseMs: number): Promise<Set<string>> {
    const rows = await this.db
      .update(jobs)
      .set({ leaseExpiresAt: leaseUntil(leaseMs) })
      .where(and(eq(jobs.leaseOwner, owner), eq(jobs.status, "running")))
      .returning({ id: jobs.id });
    return new Set(rows.map((row) => row.id));
  }

  /** False when the claim no longer holds (cancelled, or taken over after the lease ran out). */
  async setProgress(claim: JobClaim, progress: Record<string, unknown>): Promise<boolean> {
    const rows = await this.db.update(jobs).set({ progress }).where(held(claim)).returning({ id: jobs.id });
    return rows.length > 0;
  }

  async finish(
    claim: JobClaim,
    outcome: { status: "succeeded"; result: unknown } | { status: "failed"; lastError: string },
    /** Replaces the payload (what is kept of it once the job ended). */
    payload?: Record<string, unknown>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({
        status: outcome.status,
        ...(payload === undefined ? {} : { payload }),
        ...(outcome.status === "succeeded"
          ? { result: outcome.result ?? null, lastError: null }
          : { lastError: outcome.lastError }),
        leaseOwner: null,
        leaseExpiresAt: null,
        finishedAt: sql`now()`,
      })
      .where(held(claim))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Hands a claimed job back unstarted: queued again, the attempt not counted. */
  async release(claim: JobClaim): Promise<void> {
    await this.db
      .update(jobs)
      .set({
        status: "queued",
        attempts: sql`${jobs.attempts} - 1`,
        leaseOwner: null,
        leaseExpiresAt: null,
        startedAt: null,
      })
      .where(held(claim));
  }

  /** Queued or running jobs become `cancelled`; answers the row when it was one of those. */
  async cancel(id: string): Promise<JobRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({ status: "cancelled", leaseOwner: null, leaseExpiresAt: null, finishedAt: sql`now()` })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ["queued", "running"])))
      .returning();
    return row;
  }

  async setPayload(id: string, payload: Record<string, unknown>): Promise<void> {
    await this.db.update(jobs).set({ payload }).where(eq(jobs.id, id));
  }

  /** Deletes jobs that ended more than `olderThanMs` ago. */
  async prune(olderThanMs: number): Promise<void> {
    await this.db
      .delete(jobs)
      .where(
        and(
          inArray(jobs.status, FINISHED),
          isNotNull(jobs.finishedAt),
          lt(jobs.finishedAt, sql`now() - ${`${olderThanMs} milliseconds`}::interval`),
        ),
      );
  }
}

function leaseUntil(leaseMs: number): SQL {
  return sql`now() + ${`${leaseMs} milliseconds`}::interval`;
}

function held(claim: JobClaim): SQL | undefined {
  return and(
    eq(jobs.id, claim.id),
    eq(jobs.status, "running"),
    eq(jobs.leaseOwner, claim.owner),
    eq(jobs.attempts, claim.attempt),
  );
}
